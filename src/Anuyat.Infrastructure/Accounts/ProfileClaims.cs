using System.Globalization;
using System.Text.Json;
using Anuyat.Domain.Common;
using Anuyat.Domain.Identifiers;

namespace Anuyat.Infrastructure.Accounts;

/// <summary>
/// Which claim (and which member of the <c>address</c> claim) carries each fact. ThaiD's exact claim shapes are not
/// confirmed (FACTS.md §6.3 [NC]), so every name is configuration (<c>Oidc:Claims:*</c>), never a constant in code.
/// </summary>
public sealed class ProfileClaimNames
{
    public string NationalId { get; set; } = "pid";

    public string FirstName { get; set; } = "given_name";

    public string LastName { get; set; } = "family_name";

    public string BirthDate { get; set; } = "birthdate";

    public string Email { get; set; } = "email";

    /// <summary>An OIDC address claim: a JSON object (OpenID Connect Core §5.1.1) whose members are named below.</summary>
    public string Address { get; set; } = "address";

    public string HouseNo { get; set; } = "house_no";

    public string Soi { get; set; } = "soi";

    public string Road { get; set; } = "road";

    public string Subdistrict { get; set; } = "subdistrict";

    /// <summary>The district's name (e.g. "เขตวัฒนา"); resolved to the Bangkok district code by the caller.</summary>
    public string District { get; set; } = "district";

    public string Postcode { get; set; } = "postal_code";
}

/// <summary>The profile an identity provider vouched for, and the district name still to resolve to a code.</summary>
public sealed record ClaimedProfile(ApplicantProfile Profile, string? DistrictName, string? Email);

/// <summary>Reads an <see cref="ApplicantProfile"/> out of OpenID Connect claims.</summary>
public static class ProfileClaims
{
    /// <summary>
    /// Maps the claims; a national ID that fails its check digit refuses the whole sign-in, because the provider is
    /// then not the one we think it is (or is misconfigured) and nothing it says should be stored.
    /// </summary>
    public static Result<ClaimedProfile> Read(Func<string, string?> claim, ProfileClaimNames names, string source)
    {
        var pid = claim(names.NationalId);
        var nationalId = ThaiNationalId.Parse(pid);
        if (!nationalId.IsValid)
        {
            return new RuleViolation("oidc-pid-invalid", new BilingualText(
                "ผู้ให้บริการยืนยันตัวตนส่งเลขประจำตัวประชาชนที่ไม่ถูกต้อง จึงเข้าสู่ระบบไม่ได้",
                "The identity provider sent a national ID number that is not valid, so you cannot sign in this way"));
        }

        var profile = new ApplicantProfile
        {
            NationalId = nationalId.Value.Digits,
            FirstName = Clean(claim(names.FirstName)),
            LastName = Clean(claim(names.LastName)),
            BirthDate = ParseBirthDate(claim(names.BirthDate)),
            Source = source,
        };

        string? districtName = null;
        var address = claim(names.Address);
        if (!string.IsNullOrWhiteSpace(address) && address.TrimStart().StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(address);
                var root = json.RootElement;
                profile.HouseNo = Member(root, names.HouseNo);
                profile.Soi = Member(root, names.Soi);
                profile.Road = Member(root, names.Road);
                profile.Subdistrict = Member(root, names.Subdistrict);
                var postcode = Member(root, names.Postcode);
                profile.Postcode = postcode is not null && ThaiPostcode.Parse(postcode).IsValid ? postcode : null;
                districtName = Member(root, names.District);
            }
            catch (JsonException)
            {
                // A malformed address leaves the address empty; the person types it on the profile page.
            }
        }

        var email = Clean(claim(names.Email));
        return new ClaimedProfile(profile, districtName, email is not null && email.Contains('@', StringComparison.Ordinal) ? email : null);
    }

    /// <summary>OIDC says YYYY-MM-DD (Gregorian); a Buddhist-era year is also read, since Thai sources often send one.</summary>
    public static DateOnly? ParseBirthDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parsed = BuddhistEra.ParseDate(value);
        return parsed.IsValid ? parsed.Value : null;
    }

    private static string? Member(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? Clean(value.GetString())
            : null;

    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > 200 ? trimmed[..200] : trimmed.ToString(CultureInfo.InvariantCulture);
    }
}
