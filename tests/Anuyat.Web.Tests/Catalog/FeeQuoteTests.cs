using Anuyat.Domain.Catalog;
using Anuyat.Domain.Common;
using static Anuyat.Web.Tests.Catalog.ShippedCatalog;

namespace Anuyat.Web.Tests.Catalog;

/// <summary>ข.1 fees from the shipped definition: MR 7 clause 1 licence + clause 3 plan-check per m² by tier.</summary>
public sealed class FeeQuoteTests
{
    private static FeeQuote Quote(string service, string answers)
    {
        var result = FeeCalculator.Quote(Shipped.InForce(service, new DateOnly(2026, 6, 1))!, Answers(answers));
        Assert.True(result.IsSuccess, result.Error is ValidationFailed v ? string.Join("; ", v.Errors.Select(e => $"{e.Key}: {e.Value[0].En}")) : result.Error?.Code);
        return result.Value;
    }

    private static Dictionary<string, BilingualText[]> Errors(string service, string answers)
    {
        var result = FeeCalculator.Quote(Shipped.InForce(service, new DateOnly(2026, 6, 1))!, Answers(answers));
        return Assert.IsType<ValidationFailed>(result.Error).Errors.ToDictionary(e => e.Key, e => e.Value);
    }

    private static long K1(string request, params (int Storeys, decimal HeightM, decimal AreaM2)[] buildings)
    {
        var rows = string.Join(",", buildings.Select(b => FormattableString.Invariant($"{{\"storeys\":{b.Storeys},\"heightM\":{b.HeightM},\"floorAreaM2\":{b.AreaM2}}}")));
        return Quote("building-permit-k1", $"{{\"requestType\":\"{request}\",\"buildings\":[{rows}]}}").TotalSatang;
    }

    [Fact]
    public void K1_NewTwoStoreyHouseOf250m2_Costs145Baht()
    {
        var quote = Quote("building-permit-k1", """{"requestType":"construct","buildings":[{"storeys":2,"heightM":7.5,"floorAreaM2":250}]}""");

        Assert.Equal(14500, quote.TotalSatang); // 20 licence + 250 × 0.50 plan check
        Assert.Equal([("licence", 2000L), ("planCheck", 12500L)], quote.Lines.Select(l => (l.Code, l.AmountSatang)));
        Assert.True(quote.Lines[1].Unconfirmed); // the [NC] plan-check rate is flagged
        Assert.False(quote.Lines[0].Unconfirmed);
    }

    [Fact]
    public void K1_ModifyFortySquareMetresOfATwoStoreyHouse_Costs30Baht() =>
        Assert.Equal(1000 + 2000, K1("modify", (2, 7, 40)));

    [Fact]
    public void K1_Demolish_CostsOnlyTheTenBahtLicence()
    {
        var quote = Quote("building-permit-k1", """{"requestType":"demolish","buildings":[{"storeys":2,"heightM":7,"floorAreaM2":250}]}""");

        Assert.Equal(1000, quote.TotalSatang);
        Assert.Equal(["licence"], quote.Lines.Select(l => l.Code));
    }

    [Fact]
    public void K1_ThreeStoreys_UsesTheTwoBahtTier() => Assert.Equal(2000 + (100 * 200), K1("construct", (3, 11, 100)));

    [Fact]
    public void K1_FourStoreys_UsesTheFourBahtTier() => Assert.Equal(2000 + (100 * 400), K1("construct", (4, 14, 100)));

    [Fact]
    public void K1_TwoStoreysButThirteenMetresHigh_UsesTheHeightTier() => Assert.Equal(2000 + (100 * 200), K1("construct", (2, 13, 100)));

    [Fact]
    public void K1_TwoStoreysButSixteenMetresHigh_UsesTheTopTier() => Assert.Equal(2000 + (100 * 400), K1("construct", (2, 16, 100)));

    [Fact]
    public void K1_TwelveMetresExactly_StaysInTheFirstTier() => Assert.Equal(2000 + (100 * 50), K1("construct", (2, 12, 100)));

    [Fact]
    public void K1_HalfASquareMetre_RoundsUpAndLessIsDropped()
    {
        Assert.Equal(2000 + (121 * 50), K1("construct", (2, 7, 120.5m)));
        Assert.Equal(2000 + (120 * 50), K1("construct", (2, 7, 120.49m)));
    }

    [Fact]
    public void K1_TwoBuildingsInDifferentTiers_AreChargedEachByItsOwnTier() =>
        Assert.Equal(2000 + (100 * 50) + (50 * 200), K1("construct", (2, 7, 100), (3, 10, 50)));

    [Fact]
    public void K1_AbsurdAnswers_AreFieldErrorsKeyedByPath()
    {
        var errors = Errors("building-permit-k1", """{"requestType":"build","buildings":[{"storeys":0,"heightM":"tall","floorAreaM2":-5},{"storeys":1.5,"heightM":3}]}""");

        Assert.Contains("requestType", errors.Keys);
        Assert.Equal("Storeys: must be at least 1 storeys", errors["buildings[0].storeys"][0].En);
        Assert.Equal("Height: must be a number", errors["buildings[0].heightM"][0].En);
        Assert.Equal("ความสูง: ต้องเป็นตัวเลข", errors["buildings[0].heightM"][0].Th);
        Assert.Contains("buildings[0].floorAreaM2", errors.Keys);
        Assert.Equal("Storeys: must be a whole number", errors["buildings[1].storeys"][0].En);
        Assert.Equal("Floor area of all storeys is required", errors["buildings[1].floorAreaM2"][0].En);
        Assert.DoesNotContain("buildings[0].kind", errors.Keys); // a quote needs only requestType and the sizes
    }

    [Fact]
    public void K1_MissingEverything_NamesRequestTypeAndBuildings()
    {
        var errors = Errors("building-permit-k1", "{}");

        Assert.Equal(["buildings", "requestType"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void K1_TotalOf300m2OrMore_IsRefusedOnTheBuildingsTable()
    {
        var errors = Errors("building-permit-k1", """{"requestType":"construct","buildings":[{"storeys":2,"heightM":7,"floorAreaM2":200},{"storeys":1,"heightM":4,"floorAreaM2":100}]}""");

        Assert.Equal("The total floor area must be under 300 m² for this service", Assert.Single(errors["buildings"]).En);
    }

    [Fact]
    public void Grease_TwoPointThreeCubicMetres_IsTwoWholeAndAHalfRemainder() =>
        Assert.Equal(50000 + 15000, Quote("septic-grease-pumping", """{"kind":"grease","volumeM3":2.3}""").TotalSatang);

    [Fact]
    public void Grease_TwoPointSevenCubicMetres_CountsTheRemainderAsWhole() =>
        Assert.Equal(50000 + 25000, Quote("septic-grease-pumping", """{"kind":"grease","volumeM3":2.7}""").TotalSatang);

    [Fact]
    public void TreeCutting_ChargesEachTreeByGirthPlusHauling() =>
        Assert.Equal(50000 + 170000 + 70000, Quote("tree-trimming", """{"work":"cut","trees":[{"girthCm":120},{"girthCm":320}],"haulKm":12}""").TotalSatang);

    [Fact]
    public void Loudspeaker_FeeFollowsThePurpose() =>
        Assert.Equal(7500, Quote("loudspeaker-permit", """{"purpose":"commercialFixed"}""").TotalSatang);

    [Fact]
    public void FoodPremises_Over200m2_PaysTheLicenceNotTheCertificate() =>
        Assert.Equal(["licence"], Quote("food-premises", """{"areaM2":250}""").Lines.Select(l => l.Code));
}
