using System.Globalization;
using Anuyat.Domain.Stats;
using Anuyat.Infrastructure.Stats;

namespace Anuyat.Web.Cli;

/// <summary><c>stats rebuild</c> recomputes the dashboard's rollups from the applications; <c>stats verify</c> compares without writing.</summary>
public static class StatsCommands
{
    public static async Task<int> RebuildAsync(RollupRebuilder rebuilder, TextWriter output)
    {
        var result = await rebuilder.RebuildAsync();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ok {result.Applications} applications: {result.RollupRows} rollup rows, {result.LeadTimeRows} lead-time rows, {result.OpenFileRows} open-file rows in {result.Elapsed.TotalSeconds:0.0} s"));
        return 0;
    }

    /// <summary>Prints <c>ok</c> when the stored rollups equal a full recomputation, otherwise the first differences.</summary>
    public static async Task<int> VerifyAsync(RollupRebuilder rebuilder, TextWriter output, TextWriter error)
    {
        var stored = await rebuilder.ReadStoredAsync();
        var expected = await rebuilder.RecomputeAsync();
        var differences = Differences(stored, expected).Take(20).ToList();
        if (differences.Count == 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ok {expected.Rollups.Count} rollup rows match the applications"));
            return 0;
        }

        foreach (var line in differences)
        {
            output.WriteLine(line);
        }

        error.WriteLine("anuyat: stats verify: the rollups differ from the applications; run 'stats rebuild'.");
        return 1;
    }

    private static IEnumerable<string> Differences(RollupDelta stored, RollupDelta expected)
    {
        foreach (var key in stored.Rollups.Keys.Union(expected.Rollups.Keys))
        {
            var a = stored.Rollups.GetValueOrDefault(key) ?? new RollupCounters();
            var b = expected.Rollups.GetValueOrDefault(key) ?? new RollupCounters();
            var diff = new RollupCounters();
            diff.Add(a);
            diff.Add(b, -1);
            if (!diff.IsZero)
            {
                yield return $"rollup {key}: stored received={a.Received} decided={a.Decided}, expected received={b.Received} decided={b.Decided}";
            }
        }

        foreach (var key in stored.LeadTimes.Keys.Union(expected.LeadTimes.Keys).Where(k => stored.LeadTimes.GetValueOrDefault(k) != expected.LeadTimes.GetValueOrDefault(k)))
        {
            yield return $"lead time {key}: stored {stored.LeadTimes.GetValueOrDefault(key)}, expected {expected.LeadTimes.GetValueOrDefault(key)}";
        }

        foreach (var key in stored.Open.Keys.Union(expected.Open.Keys).Where(k => stored.Open.GetValueOrDefault(k) != expected.Open.GetValueOrDefault(k)))
        {
            yield return $"open files {key}: stored {stored.Open.GetValueOrDefault(key)}, expected {expected.Open.GetValueOrDefault(key)}";
        }
    }
}
