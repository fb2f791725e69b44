using Anuyat.Domain.Common;

namespace Anuyat.Domain.Permits;

/// <summary>What a verifier is told about a permit (API.md: valid | revoked | expired).</summary>
public enum PermitStanding
{
    Valid,
    Revoked,
    Expired,
}

/// <summary>One building on a ข.1 permit, as approved.</summary>
public sealed record PermittedBuilding(string Kind, string Use, int Storeys, decimal HeightM, decimal FloorAreaM2, decimal ParkingAreaM2);

/// <summary>
/// An issued permit. The PDF is rendered once at issue and kept; its SHA-256 is what a verifier compares an
/// uploaded copy against. Only what the permit itself shows is public (the verification page and register).
/// </summary>
public sealed class Permit
{
    private Permit()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>e.g. 1001-PMT-2569-000001.</summary>
    public string Number { get; private set; } = string.Empty;

    public Guid ApplicationId { get; private set; }

    public string ApplicationReference { get; private set; } = string.Empty;

    public string ServiceCode { get; private set; } = string.Empty;

    public string DistrictCode { get; private set; } = string.Empty;

    public string SectionCode { get; private set; } = string.Empty;

    public Guid HolderAccountId { get; private set; }

    /// <summary>As printed on the permit.</summary>
    public string HolderName { get; private set; } = string.Empty;

    /// <summary>The site's address as printed on the permit.</summary>
    public string Site { get; private set; } = string.Empty;

    /// <summary>The site's area for the public register: sub-district and road, never the house number.</summary>
    public string SiteArea { get; private set; } = string.Empty;

    /// <summary>construct | modify | demolish for ข.1; the service's output kind otherwise.</summary>
    public string Kind { get; private set; } = string.Empty;

    public decimal TotalFloorAreaM2 { get; private set; }

    public List<PermittedBuilding> Buildings { get; private set; } = [];

    public DateOnly IssuedOn { get; private set; }

    /// <summary>Null when the catalog gives the output no fixed validity.</summary>
    public DateOnly? ValidUntil { get; private set; }

    public Guid ApprovedBy { get; private set; }

    public string Sha256 { get; private set; } = string.Empty;

    public DateTime IssuedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public Guid? RevokedBy { get; private set; }

    public string? RevocationReasons { get; private set; }

    public static Permit Issue(PermitIssue facts, string sha256, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new Permit
        {
            Id = facts.Id,
            Number = facts.Number,
            ApplicationId = facts.ApplicationId,
            ApplicationReference = facts.ApplicationReference,
            ServiceCode = facts.ServiceCode,
            DistrictCode = facts.DistrictCode,
            SectionCode = facts.SectionCode,
            HolderAccountId = facts.HolderAccountId,
            HolderName = facts.HolderName,
            Site = facts.Site,
            SiteArea = facts.SiteArea,
            Kind = facts.Kind,
            Buildings = [.. facts.Buildings],
            TotalFloorAreaM2 = facts.Buildings.Sum(b => b.FloorAreaM2),
            IssuedOn = facts.IssuedOn,
            ValidUntil = facts.ValidUntil,
            ApprovedBy = facts.ApprovedBy,
            Sha256 = sha256,
            IssuedAt = now,
        };
    }

    /// <summary>Valid until revoked or past its last valid day (Bangkok date).</summary>
    public PermitStanding StandingOn(DateOnly today) =>
        RevokedAt is not null ? PermitStanding.Revoked
        : ValidUntil is { } until && today > until ? PermitStanding.Expired
        : PermitStanding.Valid;

    /// <summary>
    /// An approver revokes the permit with written reasons (Administrative Procedure Act B.E. 2539 s.37: an
    /// administrative order states its reasons). Revocation is final here; a new permit needs a new application.
    /// </summary>
    public Result<Permit> Revoke(string reasons, Guid approver, DateTime now)
    {
        if (RevokedAt is not null)
        {
            return new ConflictError("already-revoked", new BilingualText("ใบอนุญาตนี้ถูกเพิกถอนแล้ว", "This permit has already been revoked"));
        }

        if (string.IsNullOrWhiteSpace(reasons))
        {
            return new ValidationFailed(new Dictionary<string, BilingualText[]>
            {
                ["reasons"] = [new("ระบุเหตุผลของการเพิกถอน", "Give the reasons for the revocation")],
            })
            { LegalBasis = "Administrative Procedure Act B.E. 2539 s.37" };
        }

        RevokedAt = now;
        RevokedBy = approver;
        RevocationReasons = reasons.Trim();
        return this;
    }
}

/// <summary>The facts printed on a permit and kept with it.</summary>
public sealed record PermitIssue(
    Guid Id,
    string Number,
    Guid ApplicationId,
    string ApplicationReference,
    string ServiceCode,
    string DistrictCode,
    string SectionCode,
    Guid HolderAccountId,
    string HolderName,
    string Site,
    string SiteArea,
    string Kind,
    IReadOnlyList<PermittedBuilding> Buildings,
    DateOnly IssuedOn,
    DateOnly? ValidUntil,
    Guid ApprovedBy);

public static class PermitStandings
{
    public static string ToCode(this PermitStanding standing) => standing switch
    {
        PermitStanding.Revoked => "revoked",
        PermitStanding.Expired => "expired",
        _ => "valid",
    };

    public static BilingualText Describe(this PermitStanding standing) => standing switch
    {
        PermitStanding.Revoked => new("ถูกเพิกถอนแล้ว", "Revoked"),
        PermitStanding.Expired => new("หมดอายุแล้ว", "Expired"),
        _ => new("ใช้ได้", "Valid"),
    };
}
