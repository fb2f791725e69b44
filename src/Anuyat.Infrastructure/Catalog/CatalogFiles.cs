using System.Globalization;
using System.Text.RegularExpressions;
using Anuyat.Domain.Catalog;
using Anuyat.Infrastructure.Platform;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Anuyat.Infrastructure.Catalog;

/// <summary>What loading a catalog folder produced: the definitions, the rollout, and every problem found.</summary>
public sealed record CatalogLoad(IReadOnlyList<ServiceDefinition> Definitions, IReadOnlyList<RolloutEntry> Rollout, IReadOnlyList<CatalogProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Reads <c>catalog/&lt;code&gt;/vN.yaml</c> and <c>catalog/rollout.csv</c>. It never stops at the first problem: an
/// administrator fixing the catalog sees every problem at once, each as <c>file: path.to.field: message</c>.
/// </summary>
public static partial class CatalogFiles
{
    public static CatalogLoad Load(string folder, IReadOnlyCollection<string> districtCodes)
    {
        var problems = new List<CatalogProblem>();
        var definitions = new List<ServiceDefinition>();
        if (!Directory.Exists(folder))
        {
            return new([], [], [new("catalog", "(folder)", $"not found at {folder}")]);
        }

        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .WithTypeConverter(new DateOnlyConverter())
            .Build();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            var match = FileNamePattern().Match(relative);
            if (!match.Success)
            {
                problems.Add(new(relative, "(file)", "definitions live at <service-code>/v<N>.yaml"));
                continue;
            }

            try
            {
                using var reader = File.OpenText(file);
                var definition = deserializer.Deserialize<ServiceDefinition>(reader);
                if (definition is null)
                {
                    problems.Add(new(relative, "(file)", "is empty"));
                    continue;
                }

                definition.SourceFile = relative;
                if (definition.Version.ToString(CultureInfo.InvariantCulture) != match.Groups["version"].Value)
                {
                    problems.Add(new(relative, "version", $"is {definition.Version} but the file is named v{match.Groups["version"].Value}.yaml"));
                }

                definitions.Add(definition);
            }
            catch (YamlException e)
            {
                // YamlDotNet names the line and column; unknown keys arrive here ("Property 'x' not found on type …").
                var message = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
                problems.Add(new(relative, $"line {e.Start.Line}, column {e.Start.Column}", message));
            }
        }

        problems.AddRange(CatalogValidator.Validate(definitions));
        var rollout = ReadRollout(folder, definitions, districtCodes, problems);
        return new(definitions, rollout, problems);
    }

    private static List<RolloutEntry> ReadRollout(string folder, List<ServiceDefinition> definitions, IReadOnlyCollection<string> districtCodes, List<CatalogProblem> problems)
    {
        var path = Path.Combine(folder, "rollout.csv");
        var entries = new List<RolloutEntry>();
        if (!File.Exists(path))
        {
            problems.Add(new("rollout.csv", "(file)", "not found; every service needs at least one rollout line"));
            return entries;
        }

        try
        {
            foreach (var row in CsvTable.Read(path, "service", "district", "from"))
            {
                var service = row.Required("service");
                var district = row.Required("district");
                if (definitions.All(d => d.Code != service))
                {
                    throw row.Problem("service", $"'{service}' is not a service in the catalog");
                }

                if (district != Rollout.Everywhere && !districtCodes.Contains(district))
                {
                    throw row.Problem("district", $"'{district}' is not a district code (or * for all)");
                }

                entries.Add(new RolloutEntry(service, district, row.Date("from")));
            }
        }
        catch (StartupException e)
        {
            problems.Add(new("rollout.csv", "(row)", e.Message));
        }

        return entries;
    }

    [GeneratedRegex(@"^(?<code>[^/]+)/v(?<version>[0-9]+)\.yaml$")]
    private static partial Regex FileNamePattern();

    /// <summary>Dates in definitions are written yyyy-MM-dd.</summary>
    private sealed class DateOnlyConverter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(DateOnly);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            var scalar = parser.Consume<Scalar>();
            return DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' is not a date yyyy-MM-dd");
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            emitter.Emit(new Scalar(((DateOnly)value!).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }
}
