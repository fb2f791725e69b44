using System.Globalization;
using Anuyat.Infrastructure.Pdf;

namespace Anuyat.Web.Tests.Pdf;

public sealed class PdfDocumentBuilderTests(PdfFontsFixture fixture) : IClassFixture<PdfFontsFixture>
{
    private static readonly DateTime Created = new(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Render_LongBuildingsTable_SpillsOntoPageTwoWithHeaderAndPageNumbers()
    {
        var table = new PdfTable(
            new PdfTableColumn("ลำดับ\nNo.", 0.7f, PdfAlign.Center),
            new PdfTableColumn("ชนิดอาคาร / Building type", 3f),
            new PdfTableColumn("จำนวนชั้น\nFloors", 1f, PdfAlign.Right),
            new PdfTableColumn("พื้นที่ (ตร.ม.)\nArea (m²)", 1.2f, PdfAlign.Right));
        for (var i = 1; i <= 30; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            table.AddRow(n, $"หลังที่ {n} อาคารพักอาศัย ค.ส.ล. สองชั้น พร้อมที่จอดรถ / Reinforced-concrete two-storey house no. {n}", "2", (120 + i).ToString(CultureInfo.InvariantCulture));
        }

        var pdf = new PdfDocumentBuilder(fixture.Fonts)
            .Header(["สำนักงานเขตพระนคร", "Phra Nakhon District Office"], "ใบอนุญาตก่อสร้างอาคาร (อ.1)")
            .Heading("รายการอาคาร / Buildings")
            .Table(table)
            .Render(Created);

        PdfTools.KeepForInspection("buildings-table", pdf.Bytes);
        Assert.Equal(2, pdf.PageCount);
        var page1 = PdfTools.Text(pdf.Bytes, 1);
        var page2 = PdfTools.Text(pdf.Bytes, 2);
        Assert.Contains("หน้า 1/2", page1, StringComparison.Ordinal);
        Assert.Contains("หน้า 2/2", page2, StringComparison.Ordinal);
        Assert.Contains("หลังที่ 1 ", page1, StringComparison.Ordinal);
        Assert.Contains("หลังที่ 30 ", page2, StringComparison.Ordinal);
        Assert.DoesNotContain("หลังที่ 30 ", page1, StringComparison.Ordinal);
        Assert.Contains("ชนิดอาคาร / Building type", page2, StringComparison.Ordinal); // header row repeated
        // Every row appears exactly once across the two pages.
        for (var i = 1; i <= 30; i++)
        {
            var needle = $"หลังที่ {i} ";
            Assert.Equal(1, Count(page1, needle) + Count(page2, needle));
        }
    }

    [Fact]
    public void Render_ParagraphsBeyondOnePage_BreakAutomatically()
    {
        var builder = new PdfDocumentBuilder(fixture.Fonts).Header(["สำนักงานเขตบางรัก"], "เงื่อนไขการอนุญาต / Conditions");
        for (var i = 1; i <= 40; i++)
        {
            builder.Paragraph($"{i}. ผู้ได้รับอนุญาตต้องปฏิบัติตามแบบแปลนที่ได้รับอนุญาตโดยเคร่งครัด และต้องติดป้ายแสดงรายละเอียดการก่อสร้างไว้ในที่เปิดเผย");
        }

        var pdf = builder.Render(Created);

        Assert.True(pdf.PageCount >= 2);
        var last = PdfTools.Text(pdf.Bytes, pdf.PageCount);
        Assert.Contains($"หน้า {pdf.PageCount}/{pdf.PageCount}", last, StringComparison.Ordinal);
        Assert.Contains("40. ผู้ได้รับอนุญาต", last, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ConditionsListAndSignature_ReadBackInOrder()
    {
        var pdf = new PdfDocumentBuilder(fixture.Fonts)
            .Header(["สำนักงานเขตพระนคร"], "ใบอนุญาตก่อสร้างอาคาร / Building permit")
            .Heading("เงื่อนไข / Conditions")
            .List(["ต้องก่อสร้างให้แล้วเสร็จภายในอายุใบอนุญาต", "ต้องติดป้ายแสดงรายละเอียดการก่อสร้าง / A site sign must be displayed"])
            .Signature("นายวิชัย ทองดี", "ผู้อำนวยการเขตพระนคร / Director, Phra Nakhon District", "25 พฤศจิกายน 2569")
            .Render(Created);

        PdfTools.KeepForInspection("conditions", pdf.Bytes);
        var text = PdfTools.Text(pdf.Bytes);

        var first = text.IndexOf("1.", StringComparison.Ordinal);
        var firstItem = text.IndexOf("ต้องก่อสร้างให้แล้วเสร็จภายในอายุใบอนุญาต", StringComparison.Ordinal);
        var secondItem = text.IndexOf("ต้องติดป้ายแสดงรายละเอียดการก่อสร้าง", StringComparison.Ordinal);
        var signer = text.IndexOf("(นายวิชัย ทองดี)", StringComparison.Ordinal);
        Assert.True(first >= 0 && firstItem > first && secondItem > firstItem && signer > secondItem, text);
        Assert.Contains("ผู้อำนวยการเขตพระนคร", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoSarabunDirectory_FallsBackToLaksaman()
    {
        using var fonts = PdfFonts.Load(Path.Combine(Path.GetTempPath(), "anuyat-no-fonts"));

        Assert.Equal("Laksaman", fonts.FamilyName);
    }

    [Fact]
    public void Load_NoFontAtAll_FailsNamingTheFix()
    {
        var nowhere = Path.Combine(Path.GetTempPath(), "anuyat-no-fonts");

        var error = Assert.Throws<InvalidOperationException>(() => PdfFonts.Load(nowhere, nowhere));

        Assert.Contains("scripts/fetch-pdf-fonts.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains("fonts-thai-tlwg", error.Message, StringComparison.Ordinal);
    }

    private static int Count(string text, string needle)
    {
        var count = 0;
        for (var i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = text.IndexOf(needle, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
