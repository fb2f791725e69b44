using Anuyat.Domain.Catalog;
using Anuyat.Infrastructure.Catalog;
using static Anuyat.Web.Tests.Catalog.ShippedCatalog;

namespace Anuyat.Web.Tests.Catalog;

public sealed class CatalogValidationTests
{
    [Fact]
    public void ShippedCatalog_IsValidWithFourteenServicesInFiveSections()
    {
        Assert.Empty(Load.Problems.Select(p => p.ToString()));
        var services = Shipped.AllInForce(new DateOnly(2026, 6, 1));
        Assert.True(services.Count >= 14, $"{services.Count} services");
        Assert.Equal(
            ["administration", "cleanliness-parks", "environment-sanitation", "public-works", "social-welfare"],
            services.Select(s => s.Section).Distinct().Order(StringComparer.Ordinal));
        Assert.All(services, s => Assert.NotEmpty(s.LegalBasis));
    }

    [Fact]
    public void ValidFixture_HasNoProblems() =>
        Assert.Empty(CatalogFiles.Load(Fixture("valid"), DistrictCodes).Problems.Select(p => p.ToString()));

    [Theory]
    [InlineData("unknown-field-type", "svc-test/v1.yaml: fields[0].type: unknown field type 'squareMetres'")]
    [InlineData("dangling-condition", "svc-test/v1.yaml: fields[2].shownWhen: 'colour' is not a field of this service")]
    [InlineData("ill-typed-condition", "svc-test/v1.yaml: fields[2].shownWhen: '>' compares numbers or dates, not text and number")]
    [InlineData("negative-fee", "svc-test/v1.yaml: fees[0].rateSatang: can go negative (-100)")]
    [InlineData("negative-quantity", "svc-test/v1.yaml: fees[0].quantity: can go negative: 'areaM2' has no min of 0 or more")]
    [InlineData("step-without-duration", "svc-test/v1.yaml: steps[0]: has no duration; give businessDays or hours")]
    [InlineData("duplicate-code", "svc-test/v1.yaml: code: duplicate: 'svc-test' version 1 is also defined in svc-copy/v1.yaml")]
    public void BrokenFixture_FailsNamingFileAndField(string fixture, string expected)
    {
        var problems = CatalogFiles.Load(Fixture(fixture), DistrictCodes).Problems.Select(p => p.ToString()).ToList();

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("areaM2 == 'two'", "cannot compare a number with a text")]
    [InlineData("sum(kind) > 1", "needs a number column")]
    [InlineData("kind == 'a' &&", "ends too early")]
    [InlineData("areaM2", "must be a yes/no condition")]
    public void Expressions_AreTypeCheckedAtLoad(string condition, string message)
    {
        var definition = CatalogFiles.Load(Fixture("valid"), DistrictCodes).Definitions[0];
        definition.Fields[2].ShownWhen = condition;

        var problems = CatalogValidator.Validate([definition]);

        Assert.Contains(problems, p => p.Path == "fields[2].shownWhen" && p.Message.Contains(message, StringComparison.Ordinal));
    }
}
