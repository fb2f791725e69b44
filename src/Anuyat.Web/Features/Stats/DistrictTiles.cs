using System.Globalization;
using Anuyat.Infrastructure.Platform;

namespace Anuyat.Web.Features.Stats;

/// <summary>
/// The schematic map's layout (reference/district-tiles.csv): one equal square per district at a row and column that
/// keep neighbours near each other. Not the districts' boundaries (no boundary data is held here): a tile map, which
/// also gives the small inner districts the same room as Nong Chok. An administrator may move squares in the file.
/// </summary>
public sealed class DistrictTiles
{
    private DistrictTiles(IReadOnlyDictionary<string, (int Row, int Col)> tiles) => Tiles = tiles;

    public IReadOnlyDictionary<string, (int Row, int Col)> Tiles { get; }

    public int Rows => Tiles.Count == 0 ? 0 : Tiles.Values.Max(t => t.Row) + 1;

    public int Columns => Tiles.Count == 0 ? 0 : Tiles.Values.Max(t => t.Col) + 1;

    /// <summary>Reads the file; a missing file means no map (the page says so). A malformed line stops the start, named.</summary>
    public static DistrictTiles Load(string path)
    {
        var tiles = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return new DistrictTiles(tiles);
        }

        var taken = new HashSet<(int, int)>();
        var lines = File.ReadAllLines(path);
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var cells = lines[i].Split(',');
            if (cells.Length != 3
                || !int.TryParse(cells[1], NumberStyles.None, CultureInfo.InvariantCulture, out var row)
                || !int.TryParse(cells[2], NumberStyles.None, CultureInfo.InvariantCulture, out var col)
                || row > 40 || col > 40)
            {
                throw new StartupException($"{path} line {i + 1}: expected code,row,col with row and column from 0 to 40.");
            }

            var code = cells[0].Trim();
            if (!tiles.TryAdd(code, (row, col)) || !taken.Add((row, col)))
            {
                throw new StartupException($"{path} line {i + 1}: district {code} or square ({row},{col}) appears twice.");
            }
        }

        return new DistrictTiles(tiles);
    }
}
