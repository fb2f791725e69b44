using System.Text.Json.Nodes;
using Anuyat.Domain.Catalog;
using static Anuyat.Web.Tests.Catalog.ShippedCatalog;

namespace Anuyat.Web.Tests.Catalog;

/// <summary>Full ข.1 answers against the definition, as the application form will check them.</summary>
public sealed class AnswerValidationTests
{
    private const string Complete = """
        {
          "applicantType": "person", "requestType": "construct",
          "site": { "houseNo": "12/3", "soi": "สุขุมวิท 101", "road": "สุขุมวิท", "subdistrict": "บางจาก", "districtCode": "1047", "postcode": "10260" },
          "titleDeed": { "kind": "chanote", "number": "12345" }, "landOwnerIsApplicant": true,
          "buildings": [ { "kind": "บ้านเดี่ยว", "use": "พักอาศัย", "storeys": 2, "heightM": 7.5, "floorAreaM2": 140, "parkingAreaM2": 20 } ],
          "completionDays": 365,
          "applicant": { "nationalId": "1111111111119", "firstName": "สมชาย", "lastName": "ใจดี", "phone": "081-234-5678", "email": "somchai@example.com" },
          "designer": { "name": "นายออกแบบ" }, "supervisor": { "name": "นายควบคุม" }
        }
        """;

    private static JsonObject Answers(Action<JsonObject>? change = null)
    {
        var answers = ShippedCatalog.Answers(Complete);
        change?.Invoke(answers);
        return answers;
    }

    [Fact]
    public void Validate_CompleteSmallHouse_HasNoErrors() =>
        Assert.Empty(AnswerValidator.Validate(K1, Answers()).Select(e => $"{e.Key}: {e.Value[0].En}"));

    [Fact]
    public void Validate_Over150m2_RequiresTheDesignersAndSupervisorsLicenceNumbers()
    {
        var errors = AnswerValidator.Validate(K1, Answers(a => a["buildings"]![0]!["floorAreaM2"] = 200));

        Assert.Equal(["designer.licenceNumber", "supervisor.licenceNumber"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_JuristicApplicant_AsksForTheJuristicIdNotTheNationalId()
    {
        var errors = AnswerValidator.Validate(K1, Answers(a =>
        {
            a["applicantType"] = "juristic";
            a["applicant"]!.AsObject().Remove("nationalId");
        }));

        Assert.Equal(["applicant.juristicId"], errors.Keys);
    }

    [Fact]
    public void Validate_Demolition_DoesNotAskForDesignerOrSupervisor()
    {
        var errors = AnswerValidator.Validate(K1, Answers(a =>
        {
            a["requestType"] = "demolish";
            a.Remove("designer");
            a.Remove("supervisor");
        }));

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_BadIdentifiersAndAddress_AreReportedOnTheirPaths()
    {
        var errors = AnswerValidator.Validate(K1, Answers(a =>
        {
            a["applicant"]!["nationalId"] = "1234567890123";
            a["applicant"]!["phone"] = "12";
            a["site"]!["districtCode"] = "1099";
            a["site"]!["postcode"] = "5000";
        }));

        Assert.Equal(
            ["applicant.nationalId", "applicant.phone", "site.districtCode", "site.postcode"],
            errors.Keys.Order(StringComparer.Ordinal));
    }
}
