using System.Net;
using System.Net.Http.Json;
using Anuyat.Web.Features.Organisation;
using Anuyat.Web.Tests.Infrastructure;

namespace Anuyat.Web.Tests.Foundation;

public sealed class DistrictsApiTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task ListDistricts_ReturnsFiftyDistrictsInSixGroupsWithSixPilots(Db db)
    {
        var app = await SharedApps.Get(db);

        var districts = await app.NewClient().GetFromJsonAsync<List<DistrictResponse>>("/api/v1/districts");

        Assert.NotNull(districts);
        Assert.Equal(50, districts.Count);
        Assert.Equal(Enumerable.Range(1001, 50).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)), districts.Select(d => d.Code));
        Assert.Equal(6, districts.Select(d => d.GroupEn).Distinct().Count());
        var pilots = districts.Where(d => d.Pilot).ToList();
        Assert.Equal(["1001", "1003", "1007", "1020", "1022", "1041"], pilots.Select(d => d.Code));
        Assert.Equal(6, pilots.Select(d => d.GroupEn).Distinct().Count()); // one pilot per district group
        var phraNakhon = districts[0];
        Assert.Equal(("พระนคร", "Phra Nakhon", "กรุงเทพกลาง"), (phraNakhon.NameTh, phraNakhon.NameEn, phraNakhon.GroupTh));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task ListSections_ReturnsTheSixSectionCodesOfTheApi(Db db)
    {
        var app = await SharedApps.Get(db);

        var sections = await app.NewClient().GetFromJsonAsync<List<SectionResponse>>("/api/v1/sections");

        Assert.Equal(
            ["administration", "city-law-enforcement", "cleanliness-parks", "environment-sanitation", "public-works", "social-welfare"],
            sections!.Select(s => s.Code));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Health_WhenDatabaseAnswers_Returns200(Db db)
    {
        var app = await SharedApps.Get(db);

        var response = await app.NewClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
