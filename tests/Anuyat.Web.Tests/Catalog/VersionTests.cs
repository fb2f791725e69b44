using Anuyat.Domain.Catalog;
using static Anuyat.Web.Tests.Catalog.ShippedCatalog;

namespace Anuyat.Web.Tests.Catalog;

public sealed class VersionTests
{
    [Fact]
    public void InForce_BeforeVersionTwoTakesEffect_IsVersionOne()
    {
        Assert.Equal(1, Shipped.InForce("building-permit-k1", new DateOnly(2026, 12, 31))!.Version);
        Assert.Equal(2, Shipped.InForce("building-permit-k1", new DateOnly(2027, 1, 1))!.Version);
        Assert.Null(Shipped.InForce("building-permit-k1", new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void GetVersion_AfterVersionTwoTakesEffect_StillGivesVersionOnesDocumentsStepsAndFees()
    {
        // An application filed under version 1 asks for version 1 by number, whatever the date.
        var v1 = Shipped.GetVersion("building-permit-k1", 1)!;
        var v2 = Shipped.InForce("building-permit-k1", new DateOnly(2027, 3, 1))!;

        Assert.DoesNotContain(v1.Documents, d => d.Code == "houseNumberRequest");
        Assert.Contains(v2.Documents, d => d.Code == "houseNumberRequest");
        Assert.Equal(v1.Steps.Select(s => s.BusinessDays), v2.Steps.Select(s => s.BusinessDays));
        var answers = Answers("""{"requestType":"construct","buildings":[{"storeys":2,"heightM":7,"floorAreaM2":250}]}""");
        Assert.Equal(14500, FeeCalculator.Quote(v1, answers).Value.TotalSatang);
    }

    [Fact]
    public void Diff_BetweenVersionOneAndTwo_ListsTheAddedDocumentsFieldAndDate()
    {
        var changes = DefinitionDiff.Compare(Shipped.GetVersion("building-permit-k1", 1)!, Shipped.GetVersion("building-permit-k1", 2)!);

        Assert.Contains(changes, c => c.Path == "version" && c.Old == "1" && c.New == "2");
        Assert.Contains(changes, c => c.Path == "effectiveFrom" && c.Old == "\"2026-01-01\"" && c.New == "\"2027-01-01\"");
        Assert.Contains(changes, c => c.Path == "documents[houseNumberRequest]" && c.Kind == "added");
        Assert.Contains(changes, c => c.Path == "fields[onBoundary]" && c.Kind == "added");
        Assert.DoesNotContain(changes, c => c.Path.StartsWith("documents[plans]", StringComparison.Ordinal));
    }

    [Fact]
    public void Rollout_PilotServiceIsOpenInSixDistrictsAndK1Everywhere()
    {
        var rollout = Shipped.Rollout;
        var june = new DateOnly(2026, 6, 1);

        Assert.Equal(50, rollout.AvailableIn("building-permit-k1", june, DistrictCodes).Count);
        Assert.Equal(["1001", "1003", "1007", "1020", "1022", "1041"], rollout.AvailableIn("disability-allowance", june, DistrictCodes));
        Assert.Equal(6, rollout.AvailableIn("elderly-allowance", june, DistrictCodes).Count);
        Assert.Equal(50, rollout.AvailableIn("elderly-allowance", new DateOnly(2027, 4, 1), DistrictCodes).Count);
        Assert.Empty(rollout.AvailableIn("bulky-waste", new DateOnly(2026, 5, 31), DistrictCodes));
    }
}
