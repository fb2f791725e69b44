namespace Anuyat.Domain.Catalog;

/// <summary>
/// All versions of all services. An application keeps the version it was filed under (<see cref="GetVersion"/>);
/// new filings get the version in force on their date (<see cref="InForce"/>), so a scheduled version changes nothing
/// before its effective date.
/// </summary>
public sealed class ServiceCatalog
{
    private readonly Dictionary<string, List<ServiceDefinition>> _byCode;
    private volatile Rollout _rollout;
    private volatile IReadOnlyDictionary<(string Code, int Version), DateOnly> _scheduled = new Dictionary<(string, int), DateOnly>();

    public ServiceCatalog(IEnumerable<ServiceDefinition> definitions, IEnumerable<RolloutEntry>? rollout = null)
    {
        _byCode = definitions.GroupBy(d => d.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.EffectiveFrom).ThenBy(d => d.Version).ToList(), StringComparer.Ordinal);
        FileRollout = new Rollout(rollout ?? []);
        _rollout = FileRollout;
    }

    /// <summary>The rollout in force: catalog/rollout.csv with the administrator's overrides on top.</summary>
    public Rollout Rollout => _rollout;

    /// <summary>catalog/rollout.csv alone, the default every override is laid over.</summary>
    public Rollout FileRollout { get; }

    /// <summary>
    /// Lays the administrator's rollout overrides (kept in the database) over the file. The swap is one reference
    /// write: a reader sees the old rollout or the new one, never half of each.
    /// </summary>
    public void ApplyRolloutOverrides(IEnumerable<RolloutOverride> overrides) => _rollout = new Rollout(FileRollout.Entries, overrides);

    /// <summary>
    /// Effective dates scheduled by an administrator for versions whose file gives a provisional date. The definition
    /// files are never edited; the scheduled date replaces the file's date for <see cref="InForce"/>.
    /// </summary>
    public void ApplyScheduledDates(IReadOnlyDictionary<(string Code, int Version), DateOnly> scheduled) => _scheduled = scheduled;

    /// <summary>The date a version takes effect: the administrator's scheduled date, else the file's.</summary>
    public DateOnly EffectiveFrom(ServiceDefinition definition) =>
        _scheduled.TryGetValue((definition.Code, definition.Version), out var date) ? date : definition.EffectiveFrom;

    /// <summary>True when the version's date comes from the console rather than from its file.</summary>
    public bool IsScheduled(ServiceDefinition definition) => _scheduled.ContainsKey((definition.Code, definition.Version));

    public IReadOnlyCollection<string> Codes => _byCode.Keys;

    public int VersionCount => _byCode.Values.Sum(v => v.Count);

    /// <summary>The version that applies to something filed on <paramref name="date"/>, or null before the first.</summary>
    public ServiceDefinition? InForce(string code, DateOnly date) =>
        _byCode.TryGetValue(code, out var versions) ? versions.Where(v => EffectiveFrom(v) <= date).MaxBy(v => v.Version) : null;

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

/// <summary>
/// An administrator's decision for one service in one district, replacing what catalog/rollout.csv says for that
/// pair: open from <paramref name="From"/>, or not open online at all when it is null.
/// </summary>
public sealed record RolloutOverride(string ServiceCode, string District, DateOnly? From);

/// <summary>Which service is open in which district on a date (pilot districts first; ข.1 everywhere).</summary>
public sealed class Rollout(IEnumerable<RolloutEntry> entries, IEnumerable<RolloutOverride>? overrides = null)
{
    public const string Everywhere = "*";

    private readonly List<RolloutEntry> _entries = entries.ToList();
    private readonly Dictionary<(string Service, string District), RolloutOverride> _overrides =
        (overrides ?? []).GroupBy(o => (o.ServiceCode, o.District)).ToDictionary(g => g.Key, g => g.Last());

    public IReadOnlyList<RolloutEntry> Entries => _entries;

    public IReadOnlyCollection<RolloutOverride> Overrides => _overrides.Values;

    public IReadOnlyList<string> AvailableIn(string serviceCode, DateOnly date, IEnumerable<string> allDistricts) =>
        allDistricts.Where(d => IsOpen(serviceCode, d, date)).Order(StringComparer.Ordinal).ToList();

    public bool IsOpen(string serviceCode, string district, DateOnly date) => OpensOn(serviceCode, district) is { } from && from <= date;

    /// <summary>The first day the service may be filed online in the district, or null when it is not planned there.</summary>
    public DateOnly? OpensOn(string serviceCode, string district)
    {
        if (_overrides.TryGetValue((serviceCode, district), out var decided))
        {
            return decided.From;
        }

        var dates = _entries.Where(e => e.ServiceCode == serviceCode && (e.District == Everywhere || e.District == district)).Select(e => e.From).ToList();
        return dates.Count == 0 ? null : dates.Min();
    }

    /// <summary>The override for the pair, when an administrator made one.</summary>
    public RolloutOverride? OverrideFor(string serviceCode, string district) => _overrides.GetValueOrDefault((serviceCode, district));
}
