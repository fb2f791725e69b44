using System.Buffers.Binary;
using System.Text;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Pdf;
using SkiaSharp;

namespace Anuyat.Web.Tests.Pdf;

/// <summary>
/// The process-wide caches of shaped text and wrapped lines (issue 11, permit PDF rate): a cache bug would put one
/// permit's text into another's PDF, so these read the PDFs back and compare bytes with renders from empty caches.
/// </summary>
public sealed class PdfCacheTests(PdfFontsFixture fixture) : IClassFixture<PdfFontsFixture>
{
    // Two holders whose names differ only in a tone mark (่ against ้) and a vowel, the closest a wrong cache hit
    // could come to passing unnoticed.
    private const string FirstHolder = "นายก่อง ศรีสุข";
    private const string SecondHolder = "นายก้อง ศรีสุขี";

    private static PermitContent Permit(string number, string holder, string site) => new(
        number,
        new BilingualText("ใบอนุญาตก่อสร้างอาคาร ดัดแปลงอาคาร หรือรื้อถอนอาคาร (อ.1)", "Building construction, alteration or demolition permit (Or.1)"),
        new BilingualText("สำนักงานเขตพระนคร กรุงเทพมหานคร", "Phra Nakhon District Office, Bangkok"),
        "1001-2569-000123",
        holder,
        site,
        new BilingualText("ก่อสร้างอาคาร", "Construct a building"),
        [new PermitBuildingLine("บ้านเดี่ยว", "พักอาศัย", 2, 7.5m, 160m, 12m)],
        [new BilingualText("ผู้ควบคุมงานต้องอยู่ควบคุมงานตามที่ได้รับอนุญาต", "The named supervisor must supervise the work.")],
        new DateOnly(2026, 11, 26),
        new DateOnly(2027, 11, 25),
        null,
        "นายอนุมัติ ถูกต้อง",
        new Uri($"https://anuyat.example/verify/{number}"));

    private static readonly DateTime IssuedAt = new(2026, 11, 26, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Render_TwoThaiHoldersConcurrently_EachPdfReadsBackItsOwnTextAndMatchesAColdRender()
    {
        var first = Permit("1001-ข1-2569-000001", FirstHolder, "12 ถนนพระอาทิตย์ แขวงชนะสงคราม เขตพระนคร");
        var second = Permit("1001-ข1-2569-000002", SecondHolder, "99 ถนนราชดำเนินกลาง แขวงบวรนิเวศ เขตพระนคร");

        // Each rendered alone with fonts of its own, i.e. with empty caches.
        byte[] Cold(PermitContent content)
        {
            using var fonts = PdfFonts.Load();
            return new PermitDocument(fonts).Render(content, IssuedAt).Bytes;
        }

        var firstCold = Cold(first);
        var secondCold = Cold(second);

        // Then many at once on one shared set of fonts, alternating, so the two share and race for cache entries.
        var permits = new PermitDocument(fixture.Fonts);
        var renders = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
        {
            var content = i % 2 == 0 ? first : second;
            return (Content: content, Pdf: permits.Render(content, IssuedAt));
        })));

        foreach (var (content, pdf) in renders)
        {
            Assert.Equal(content == first ? firstCold : secondCold, pdf.Bytes);
        }

        var firstText = PdfTools.Text(renders.First(r => r.Content == first).Pdf.Bytes);
        var secondText = PdfTools.Text(renders.First(r => r.Content == second).Pdf.Bytes);
        Assert.Contains(FirstHolder, firstText, StringComparison.Ordinal);
        Assert.DoesNotContain(SecondHolder, firstText, StringComparison.Ordinal);
        Assert.Contains("12 ถนนพระอาทิตย์", firstText, StringComparison.Ordinal);
        Assert.Contains("1001-ข1-2569-000001", firstText, StringComparison.Ordinal);
        Assert.Contains(SecondHolder, secondText, StringComparison.Ordinal);
        Assert.DoesNotContain(FirstHolder, secondText, StringComparison.Ordinal);
        Assert.Contains("99 ถนนราชดำเนินกลาง", secondText, StringComparison.Ordinal);
        Assert.Contains("1001-ข1-2569-000002", secondText, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameTextInTwoStylesAndSizes_KeepsEachItsOwnWidth()
    {
        using var fonts = PdfFonts.Load();
        using var shaper = new PdfTextShaper(fonts);

        var regular = shaper.Measure(FirstHolder, PdfFontStyle.Regular, 11f);
        var bold = shaper.Measure(FirstHolder, PdfFontStyle.Bold, 11f);
        var larger = shaper.Measure(FirstHolder, PdfFontStyle.Regular, 22f);

        Assert.NotEqual(regular, bold);
        Assert.Equal(regular * 2, larger, 0.01f);
        Assert.Equal(3, fonts.ShapedRuns.Count);
    }

    [Fact]
    public void GetOrAdd_ManyDistinctKeys_StaysWithinTwoGenerationsAndKeepsTheKeyUsedThroughout()
    {
        var cache = new PdfBoundedCache<string, string>(maxEntries: 100, maxWeight: 10_000, weigh: (key, _) => key.Length);
        var created = 0;
        string Create(string key)
        {
            created++;
            return key.ToUpperInvariant();
        }

        for (var i = 0; i < 5_000; i++)
        {
            cache.GetOrAdd("label", Create);
            cache.GetOrAdd($"name-{i}", Create);
            Assert.InRange(cache.Count, 1, 200);
        }

        Assert.True(cache.Rotations >= 40, $"rotations: {cache.Rotations}");
        Assert.Equal(5_001, created); // "label" was shaped once and survived every rotation
        Assert.Equal("LABEL", cache.GetOrAdd("label", Create));
    }

    [Fact]
    public void GetOrAdd_HeavyEntries_BoundedByWeightAndTooHeavyOnesNotKept()
    {
        var cache = new PdfBoundedCache<string, string>(maxEntries: 1_000, maxWeight: 1_000, weigh: (key, _) => key.Length);

        for (var i = 0; i < 200; i++)
        {
            cache.GetOrAdd($"{i:D3}" + new string('x', 97), key => key);
        }

        var tooHeavy = new string('y', 1_001);
        Assert.Equal(tooHeavy, cache.GetOrAdd(tooHeavy, key => key));
        Assert.InRange(cache.Weight, 100, 2_000);
        Assert.InRange(cache.Count, 1, 20);
    }

    [Fact]
    public async Task GetOrAdd_ManyThreadsFewKeys_EveryCallerGetsTheValueOfItsOwnKey()
    {
        var cache = new PdfBoundedCache<int, string>(maxEntries: 64, maxWeight: 1_000_000, weigh: (_, _) => 1);
        var wrong = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var key = ((i * 7) + t) % 300;
                if (cache.GetOrAdd(key, k => $"value {k}") != $"value {key}")
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        })));

        Assert.Equal(0, wrong);
        Assert.InRange(cache.Count, 1, 128 + 8); // two generations, plus what threads add while one is retired
    }

    [Fact]
    public void ForEmbedding_Sarabun_DropsLayoutTablesAndKeepsEveryGlyph()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Pdf", "Fonts", "Sarabun-Regular.ttf");
        var original = File.ReadAllBytes(path);

        var embedded = PdfFontTables.ForEmbedding(original);

        var tags = Tags(embedded);
        Assert.DoesNotContain("GSUB", tags);
        Assert.DoesNotContain("GPOS", tags);
        Assert.Contains("glyf", tags);
        Assert.Contains("cmap", tags);
        Assert.True(embedded.Length < original.Length * 0.8, $"{embedded.Length} of {original.Length} bytes");
        using var full = SKTypeface.FromData(SKData.CreateCopy(original));
        using var stripped = SKTypeface.FromData(SKData.CreateCopy(embedded));
        Assert.Equal(full.GlyphCount, stripped.GlyphCount);
        using var fullFont = new SKFont(full);
        using var strippedFont = new SKFont(stripped);
        Assert.Equal(fullFont.GetGlyphs("นายก่อง ศรีสุข"), strippedFont.GetGlyphs("นายก่อง ศรีสุข"));
    }

    private static List<string> Tags(byte[] font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        return [.. Enumerable.Range(0, count).Select(i => Encoding.ASCII.GetString(font, 12 + (16 * i), 4))];
    }
}
