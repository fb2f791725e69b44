using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Anuyat.Web.Tests.Applications;
using Anuyat.Web.Tests.Infrastructure;

namespace Anuyat.Web.Tests.Security;

/// <summary>ASVS 5.0 8.2.3 / 15.3.3: a citizen cannot set protected fields by adding them to a JSON body.</summary>
public sealed class MassAssignmentTests
{
    private const string Protected = """
        "status": "approved", "reference": "HACKED-1", "fee": 0, "feeSatang": 0, "legalDeadline": "2020-01-01",
        "sectionCode": "revenue", "assignedTo": "00000000-0000-0000-0000-000000000001", "decision": "approved", "applicantAccountId": "00000000-0000-0000-0000-000000000002"
        """;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task CreateAndReplaceAnswers_WithProtectedFieldsAdded_IgnoresThem(Db db)
    {
        var app = await SharedApps.Get(db);
        var (client, _) = await TestAccounts.ApiClientAsync(app);

        var body = $$"""{ "serviceCode": "building-permit-k1", "districtCode": "1001", {{Protected}}, "answers": {{ApplicationJourneyTests.SmallHouse}} }""";
        var created = await client.PostAsync("/api/v1/applications", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var put = $$"""{ {{Protected}}, "answers": {{ApplicationJourneyTests.SmallHouse}} }""";
        await client.PutAsync($"/api/v1/applications/{id}/answers", new StringContent(put, Encoding.UTF8, "application/json"));

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        Assert.Equal("draft", read.GetProperty("status").GetString());
        Assert.NotEqual("HACKED-1", read.GetProperty("reference").GetString());
        Assert.Equal("public-works", read.GetProperty("sectionCode").GetString());
        Assert.True(!read.TryGetProperty("legalDeadline", out var deadline) || deadline.ValueKind == JsonValueKind.Null, "a draft has no legal deadline");
        Assert.True(!read.TryGetProperty("decision", out var decision) || decision.ValueKind == JsonValueKind.Null);
    }
}
