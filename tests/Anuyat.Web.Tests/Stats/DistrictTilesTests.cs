using Anuyat.Infrastructure.Platform;
using Anuyat.Web.Features.Stats;

namespace Anuyat.Web.Tests.Stats;

/// <summary>The district map's layout file: every district once, no two on one square, and a bad line named.</summary>
public sealed class DistrictTilesTests
{
    [Fact]
    public void Load_ReferenceFile_PlacesEveryDistrictOnItsOwnSquare()
    {
        var reference = ReferenceFiles.Locate("reference");
        var districts = File.ReadAllLines(Path.Combine(reference, "districts.csv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]).ToHashSet();

        var tiles = DistrictTiles.Load(Path.Combine(reference, "district-tiles.csv"));

        Assert.Equal(50, districts.Count);
        Assert.Equal(districts.Order(), tiles.Tiles.Keys.Order());
        Assert.Equal(50, tiles.Tiles.Values.Distinct().Count());
        Assert.Equal((8, 10), (tiles.Rows, tiles.Columns));
    }

    [Fact]
    public void Load_TwoDistrictsOnOneSquare_StopsNamingTheLine()
    {
        var path = Path.GetTempFileName();
        File.WriteAllLines(path, ["code,row,col", "1001,4,3", "1002,4,3"]);

        var error = Assert.Throws<StartupException>(() => DistrictTiles.Load(path));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        File.Delete(path);
    }
}
