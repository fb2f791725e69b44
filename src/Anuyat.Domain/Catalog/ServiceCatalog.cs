namespace Anuyat.Domain.Catalog;

/// <summary>
/// All versions of all services. An application keeps the version it was filed under (<see cref="GetVersion"/>);
/// new filings get the version in force on their date (<see cref="InForce"/>), so a scheduled version changes nothing
/// before its effective date.
/// </summary>
public sealed class ServiceCatalog
{
    private readonly Dictionary<string, List<ServiceDefinition>> _byCode;

    public ServiceCatalog(IEnumerable<ServiceDefinition> definitions, IEnumerable<RolloutEntry>? rollout = null)
    {
        _byCode = definitions.GroupBy(d => d.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.EffectiveFrom).ThenBy(d => d.Version).ToList(), StringComparer.Ordinal);
        Rollout = new Rollout(rollout ?? []);
    }

    public Rollout Rollout { get; }

    public IReadOnlyCollection<string> Codes => _byCode.Keys;

    public int VersionCount => _byCode.Values.Sum(v => v.Count);

    /// <summary>The version that applies to something filed on <paramref name="date"/>, or null before the first.</summary>
    public ServiceDefinition? InForce(string code, DateOnly date) =>
        _byCode.TryGetValue(code, out var versions) ? versions.LastOrDefault(v => v.EffectiveFrom <= date) : null;

    public ServiceDefinition? GetVersion(string code, int version) =>
        _byCode.TryGetValue(code, out var versions) ? versions.FirstOrDefault(v => v.Version == version) : null;

    public IReadOnlyList<ServiceDefinition> Versions(string code) =>
        _byCode.TryGetValue(code, out var versions) ? versions : [];

    /// <summary>Every service with the version in force on the date (services not yet in force are left out).</summary>
    public IReadOnlyList<ServiceDefinition> AllInForce(DateOnly date) =>
        _byCode.Keys.Order(StringComparer.Ordinal).Select(c => InForce(c, date)).OfType<ServiceDefinition>().ToList();
}

/// <summary>One line of catalog/rollout.csv: the service opens in the district (or <c>*</c> everywhere) from the date.</summary>
public sealed record RolloutEntry(string ServiceCode, string District, DateOnly From);

/// <summary>Which service is open in which district on a date (pilot districts first; ข.1 everywhere).</summary>
public sealed class Rollout(IEnumerable<RolloutEntry> entries)
{
    public const string Everywhere = "*";

    private readonly List<RolloutEntry> _entries = entries.ToList();

    public IReadOnlyList<RolloutEntry> Entries => _entries;

    public IReadOnlyList<string> AvailableIn(string serviceCode, DateOnly date, IEnumerable<string> allDistricts)
    {
        var open = _entries.Where(e => e.ServiceCode == serviceCode && e.From <= date).ToList();
        return open.Any(e => e.District == Everywhere)
            ? allDistricts.Order(StringComparer.Ordinal).ToList()
            : open.Select(e => e.District).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public bool IsOpen(string serviceCode, string district, DateOnly date) =>
        _entries.Any(e => e.ServiceCode == serviceCode && e.From <= date && (e.District == Everywhere || e.District == district));
}
