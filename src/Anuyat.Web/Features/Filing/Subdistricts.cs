using Anuyat.Domain.Common;

namespace Anuyat.Web.Features.Filing;

/// <summary>One subdistrict (แขวง) of a Bangkok district with its postcode, from <c>reference/subdistricts.csv</c>.</summary>
public sealed record Subdistrict(string DistrictCode, string NameTh, string NameEn, string Postcode);

/// <summary>
/// The address picker's data: suggestions per district, and the check that a subdistrict is in the chosen district
/// and its postcode matches. Districts the file does not cover yet are checked only by the catalog's postcode shape.
/// </summary>
public sealed class Subdistricts(IReadOnlyList<Subdistrict> all)
{
    public IReadOnlyList<Subdistrict> All { get; } = all;

    public IEnumerable<Subdistrict> In(string? districtCode) => All.Where(s => s.DistrictCode == districtCode);

    public IEnumerable<(string Part, BilingualText Message)> Check(string? districtCode, string? subdistrict, string? postcode)
    {
        var known = In(districtCode).ToList();
        if (known.Count == 0 || subdistrict is null)
        {
            yield break;
        }

        var match = known.FirstOrDefault(s => string.Equals(s.NameTh, subdistrict.Trim(), StringComparison.Ordinal)
            || string.Equals(s.NameEn, subdistrict.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals("แขวง" + s.NameTh, subdistrict.Trim(), StringComparison.Ordinal));
        if (match is null)
        {
            yield return ("subdistrict", new BilingualText(
                "แขวงนี้ไม่อยู่ในเขตที่เลือก เลือกจาก: " + string.Join(", ", known.Select(s => s.NameTh)),
                "This subdistrict is not in the chosen district; choose one of: " + string.Join(", ", known.Select(s => s.NameEn))));
        }
        else if (postcode is not null && postcode.Trim() != match.Postcode)
        {
            yield return ("postcode", new BilingualText($"รหัสไปรษณีย์ของแขวง{match.NameTh} คือ {match.Postcode}", $"The postcode of {match.NameEn} is {match.Postcode}"));
        }
    }

    /// <summary>Reads the CSV; a malformed line stops the start naming the file and line.</summary>
    public static Subdistricts Load(string path)
    {
        if (!File.Exists(path))
        {
            return new Subdistricts([]);
        }

        var rows = new List<Subdistrict>();
        var lines = File.ReadAllLines(path);
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var cells = lines[i].Split(',');
            if (cells.Length != 4 || cells[0].Length != 4 || cells[3].Length != 5)
            {
                throw new InvalidDataException($"{path}:{i + 1}:1: expected district_code,name_th,name_en,postcode");
            }

            rows.Add(new Subdistrict(cells[0], cells[1].Trim(), cells[2].Trim(), cells[3].Trim()));
        }

        return new Subdistricts(rows);
    }
}
