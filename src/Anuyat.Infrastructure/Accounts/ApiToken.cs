namespace Anuyat.Infrastructure.Accounts;

/// <summary>
/// A bearer token for the API. Only the SHA-256 of the token is stored; the token itself is shown once, when made.
/// Tokens are 256-bit random values, so a plain hash (not a slow password hash) is enough to make a leaked table useless.
/// </summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of the whole token string.</summary>
    public string TokenHash { get; set; } = string.Empty;

    /// <summary>The first characters of the token, so a person can tell their tokens apart.</summary>
    public string Prefix { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public bool IsUsableAt(DateTime now) => RevokedAt is null && ExpiresAt > now;
}
