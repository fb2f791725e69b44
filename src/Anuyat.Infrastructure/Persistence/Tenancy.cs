using Anuyat.Infrastructure.Platform;
using Microsoft.Extensions.Configuration;

namespace Anuyat.Infrastructure.Persistence;

/// <summary>
/// Which local administrations this deployment serves. <c>Tenancy:Id</c> (default <c>bma</c>, Bangkok Metropolitan
/// Administration) is the tenant of every request and background job unless <c>Tenancy:Hosts:{host name}</c> maps the
/// request's host to another administration. The tenant is written into the <c>tenant_id</c> column of every row,
/// leads every key and index, and filters every query (docs/scaling.md).
/// </summary>
public sealed record Tenancy(string Id)
{
    public const string DefaultId = "bma";

    public const int MaxLength = 32;

    /// <summary>Host name (lower case) → tenant id, for a deployment that serves several administrations.</summary>
    public IReadOnlyDictionary<string, string> Hosts { get; init; } = new Dictionary<string, string>();

    /// <summary>The default tenant first, then every tenant a host maps to.</summary>
    public IReadOnlyList<string> AllIds => [Id, .. Hosts.Values.Where(v => v != Id).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The tenant of a request to <paramref name="host"/>; the default tenant for any host not listed.</summary>
    public string ForHost(string? host) =>
        host is not null && Hosts.TryGetValue(host.ToLowerInvariant(), out var id) ? id : Id;

    public static Tenancy FromConfiguration(IConfiguration configuration)
    {
        var id = configuration["Tenancy:Id"];
        id = string.IsNullOrWhiteSpace(id) ? DefaultId : Check(id, "Tenancy__Id");
        var hosts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in configuration.GetSection("Tenancy:Hosts").GetChildren())
        {
            hosts[entry.Key.ToLowerInvariant()] = Check(entry.Value ?? string.Empty, $"Tenancy__Hosts__{entry.Key}");
        }

        return new Tenancy(id) { Hosts = hosts };
    }

    private static string Check(string id, string setting) =>
        id.Length is > 0 and <= MaxLength && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            ? id
            : throw new StartupException($"{setting}: expected up to {MaxLength} lowercase letters, digits or '-', got '{id}'.");
}

/// <summary>The tenant of the current unit of work; <see cref="AnuyatDbContext"/> filters and stamps rows with it.</summary>
public interface ITenantContext
{
    string TenantId { get; }
}

/// <summary>
/// Scoped: starts as the deployment's default tenant (background jobs, commands); the web pipeline sets the request's
/// tenant before anything reads the database, and a job that serves every tenant sets each in its own scope.
/// </summary>
public sealed class TenantContext(Tenancy tenancy) : ITenantContext
{
    public string TenantId { get; private set; } = tenancy.Id;

    public void Use(string tenantId) => TenantId = tenantId;
}
