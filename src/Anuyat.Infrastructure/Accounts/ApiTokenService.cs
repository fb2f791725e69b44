using System.Security.Cryptography;
using System.Text;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Infrastructure.Accounts;

/// <summary>Creates, checks and revokes API bearer tokens. Tokens look like <c>anu_</c> + 43 URL-safe characters.</summary>
public sealed class ApiTokenService(AnuyatDbContext db, TimeProvider clock, AuditTrail audit, ApiTokenCache? cache = null)
{
    public const string TokenPrefix = "anu_";

    /// <summary>How long a token lives when the caller does not say: 90 days.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);

    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromDays(365);

    /// <summary>
    /// Makes a new token and returns it in plain text; this is the only time it can be seen. The audit entry (who, which
    /// token id, until when; never the token) is written in the same transaction. The actor is the owner unless given.
    /// </summary>
    public async Task<(ApiToken Token, string PlainText)> CreateAsync(Guid accountId, string name, TimeSpan? lifetime = null, AuditActor? actor = null, CancellationToken cancellationToken = default)
    {
        var life = lifetime ?? DefaultLifetime;
        if (life <= TimeSpan.Zero || life > MaximumLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), life, "A token lives between one second and 365 days.");
        }

        var plain = TokenPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            Name = string.IsNullOrWhiteSpace(name) ? "API" : name.Trim(),
            TokenHash = Hash(plain),
            Prefix = plain[..10],
            CreatedAt = now,
            ExpiresAt = now + life,
        };
        db.ApiTokens.Add(token);
        audit.Append(
            actor ?? await OwnerAsync(accountId, cancellationToken),
            "account.token-created",
            "account",
            accountId.ToString("D"),
            new("สร้างโทเคน API ใหม่", "A new API token was created"),
            new { tokenId = token.Id, prefix = token.Prefix, expiresAt = token.ExpiresAt });
        await db.SaveChangesAsync(cancellationToken);
        return (token, plain);
    }

    /// <summary>The active account behind a token, or null when the token is unknown, expired, revoked or its account is deactivated.</summary>
    public async Task<Account?> AuthenticateAsync(string plainText, CancellationToken cancellationToken = default)
    {
        if (!plainText.StartsWith(TokenPrefix, StringComparison.Ordinal) || plainText.Length > 100)
        {
            return null;
        }

        var hash = Hash(plainText);
        var now = clock.GetUtcNow().UtcDateTime;

        // The cache is shared by every tenant the process serves: a token is only ever remembered for the tenant whose
        // filtered query found it, so another tenant's host still looks it up (and does not find it).
        var cacheKey = db.TenantId + ":" + hash;
        if (cache is not null && cache.TryGet(cacheKey, now, out var known))
        {
            return known;
        }

        var generation = AccountChanges.Generation;
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && t.ExpiresAt > now)
            .Join(db.Users, t => t.AccountId, a => a.Id, (t, a) => new { Account = a, t.ExpiresAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is not { Account.IsActive: true })
        {
            return null;
        }

        cache?.Set(cacheKey, found.Account, found.ExpiresAt, now, generation);
        return found.Account;
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(Guid accountId, CancellationToken cancellationToken = default) =>
        await db.ApiTokens.AsNoTracking().Where(t => t.AccountId == accountId).OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>Revokes one of the account's own tokens; false when there is no such token for that account.</summary>
    public async Task<bool> RevokeAsync(Guid accountId, Guid tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.AccountId == accountId, cancellationToken);
        if (token is null)
        {
            return false;
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow().UtcDateTime;
            audit.Append(
                await OwnerAsync(accountId, cancellationToken),
                "account.token-revoked",
                "account",
                accountId.ToString("D"),
                new("ยกเลิกโทเคน API", "An API token was revoked"),
                new { tokenId = token.Id, prefix = token.Prefix });
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>Ends every token of an account at once (deactivation, lost device), with one audit entry, in one transaction.</summary>
    public async Task<int> RevokeAllAsync(Guid accountId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var revoked = await db.ApiTokens.Where(t => t.AccountId == accountId && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
            audit.Append(actor, "account.tokens-revoked-all", "account", accountId.ToString("D"), new("ยกเลิกโทเคน API ทั้งหมด", "All API tokens were revoked"), new { count = revoked });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            AccountChanges.Bump(); // a bulk update passes by the change tracker: tell the token cache here
            return revoked;
        });
    }

    private async Task<AuditActor> OwnerAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var role = await db.Users.Where(a => a.Id == accountId).Select(a => (Role?)a.Role).FirstOrDefaultAsync(cancellationToken);
        return AuditActor.Account(accountId, role?.ToCode() ?? "unknown");
    }

    public static string Hash(string plainText) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plainText)));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
