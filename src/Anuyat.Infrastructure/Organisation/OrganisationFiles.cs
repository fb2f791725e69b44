using System.Text.RegularExpressions;
using Anuyat.Domain.Organisation;
using Anuyat.Infrastructure.Platform;

namespace Anuyat.Infrastructure.Organisation;

/// <summary>Loads the districts and sections from <c>reference/</c>; any problem stops the app naming file and line.</summary>
public static partial class OrganisationFiles
{
    public static IReadOnlyList<District> ReadDistricts(string referenceFolder)
    {
        var rows = CsvTable.Read(Path.Combine(referenceFolder, "districts.csv"), "code", "name_th", "name_en", "group_th", "group_en", "pilot");
        var districts = new List<District>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var code = row.Required("code");
            if (!DistrictCodePattern().IsMatch(code))
            {
                throw row.Problem("code", $"must be a four-digit district code such as 1001, not '{code}'");
            }

            if (!seen.Add(code))
            {
                throw row.Problem("code", $"repeats district {code}");
            }

            districts.Add(new District(code, row.Required("name_th"), row.Required("name_en"), row.Required("group_th"), row.Required("group_en"), row.Boolean("pilot")));
        }

        return districts.Count == 0 ? throw new StartupException("reference/districts.csv: no districts.") : districts;
    }

    public static IReadOnlyList<Section> ReadSections(string referenceFolder)
    {
        var rows = CsvTable.Read(Path.Combine(referenceFolder, "sections.csv"), "code", "name_th", "name_en");
        var sections = new List<Section>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var code = row.Required("code");
            if (!SectionCodePattern().IsMatch(code))
            {
                throw row.Problem("code", $"must be lower-case words joined by '-', not '{code}'");
            }

            if (!seen.Add(code))
            {
                throw row.Problem("code", $"repeats section {code}");
            }

            sections.Add(new Section(code, row.Required("name_th"), row.Required("name_en")));
        }

        return sections.Count == 0 ? throw new StartupException("reference/sections.csv: no sections.") : sections;
    }

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex DistrictCodePattern();

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex SectionCodePattern();
}
