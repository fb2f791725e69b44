namespace Anuyat.Domain.Common;

/// <summary>
/// A business outcome that is not a bug: the request was understood but the rules say no. Each error has a stable
/// code (it becomes the problem type URI in the API) and a message in Thai and English. The Web layer maps the
/// kind to an HTTP status in one place.
/// </summary>
public abstract record DomainError(string Code, BilingualText Message)
{
    /// <summary>Where the rule comes from (a law and section) when it comes from law.</summary>
    public string? LegalBasis { get; init; }
}

/// <summary>The thing does not exist or the caller may not know that it exists (→ 404).</summary>
public sealed record NotFoundError(string Code, BilingualText Message) : DomainError(Code, Message);

/// <summary>The request conflicts with the current state (→ 409).</summary>
public sealed record ConflictError(string Code, BilingualText Message) : DomainError(Code, Message);

/// <summary>The request breaks a business rule (→ 422).</summary>
public sealed record RuleViolation(string Code, BilingualText Message) : DomainError(Code, Message);

/// <summary>Input problems keyed by the field's path (e.g. <c>site.districtCode</c>) (→ 400 validation problem).</summary>
public sealed record ValidationFailed(IReadOnlyDictionary<string, BilingualText[]> Errors)
    : DomainError("validation", new BilingualText("ข้อมูลบางช่องไม่ถูกต้อง", "Some fields need correcting"));
