using System.Globalization;
using Anuyat.Web.Features.Demo;

namespace Anuyat.Web.Cli;

/// <summary><c>demo generate --applications N [--seed S] [--until yyyy-MM-dd]</c>.</summary>
public static class DemoCommands
{
    public const int MaxApplications = 50_000_000;

    public static async Task<int> GenerateAsync(IServiceProvider services, CommandLine options, TextWriter output, TextWriter error)
    {
        var countText = options.Required("--applications");
        if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > MaxApplications)
        {
            await error.WriteLineAsync($"anuyat: --applications: a whole number from 1 to {MaxApplications:N0}, not '{countText}'.");
            return 2;
        }

        long seed = 1;
        if (options.Optional("--seed") is { } seedText && !long.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
        {
            await error.WriteLineAsync($"anuyat: --seed: a whole number, not '{seedText}'.");
            return 2;
        }

        DateOnly? until = null;
        if (options.Optional("--until") is { } untilText)
        {
            if (!DateOnly.TryParseExact(untilText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || parsed <= DemoGenerator.DefaultStart.AddDays(30))
            {
                await error.WriteLineAsync($"anuyat: --until: a date yyyy-MM-dd after {DemoGenerator.DefaultStart.AddDays(30):yyyy-MM-dd}, not '{untilText}'.");
                return 2;
            }

            until = parsed;
        }

        var generator = Create(services);
        try
        {
            var result = await generator.GenerateAsync(count, seed, until, error);

            // The bulk writer goes around SaveChanges, so the dashboard's rollups are recomputed once from the rows.
            var rollups = await services.GetRequiredService<Anuyat.Infrastructure.Stats.RollupRebuilder>().RebuildAsync();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"ok rollups rebuilt: {rollups.RollupRows} rows in {rollups.Elapsed.TotalSeconds:F1} s"));
            var statuses = string.Join(", ", result.ByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key.ToString().ToLowerInvariant()} {s.Value}"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"ok {result.Applications} applications, {result.Citizens} citizens, {result.Extensions} extensions in {result.Elapsed.TotalSeconds:F1} s ({statuses})"));
            return 0;
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync($"anuyat: demo generate: {e.Message}.");
            return 2;
        }
    }

    public static DemoGenerator Create(IServiceProvider services) => DemoGenerator.Create(services);
}
