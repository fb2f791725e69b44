using System.Globalization;
using Anuyat.Infrastructure.Pdf;

namespace Anuyat.Web.Tests.Pdf;

public sealed class ThaiLineBreakerTests
{
    private static bool IcuLineBreaksAvailable() => ThaiLineBreaker.DictionaryAvailable;

    // One unit per grapheme cluster: a width limit of N lets N clusters on a line.
    private static float Clusters(string s) => new StringInfo(s).LengthInTextElements;

    private const string Thai =
        "สำนักงานเขตจะตรวจสอบความครบถ้วนของคำขอและเอกสารประกอบภายในเจ็ดวันทำการ" +
        "หากเอกสารไม่ครบถ้วนเจ้าหน้าที่จะแจ้งให้ท่านแก้ไขเพิ่มเติมเพียงครั้งเดียวเป็นหนังสือ" +
        "ไม้ยมกๆ ปั้นน้ำเป็นตัว กี่ปี่ที่นี่ เรื่องเล่าเช้านี้";

    [Theory]
    [InlineData(6, true)]
    [InlineData(9, true)]
    [InlineData(14, true)]
    [InlineData(23, true)]
    [InlineData(6, false)]
    [InlineData(9, false)]
    [InlineData(14, false)]
    [InlineData(23, false)]
    public void Wrap_ThaiWithoutSpaces_NeverSplitsAClusterOrDetachesAVowel(int width, bool useDictionary)
    {
        var lines = ThaiLineBreaker.Wrap(Thai, width, Clusters, useDictionary);

        Assert.True(lines.Count > 3);
        Assert.Equal(Thai.Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(lines).Replace(" ", string.Empty, StringComparison.Ordinal));
        foreach (var line in lines)
        {
            Assert.True(Clusters(line) <= width, $"'{line}' is wider than {width}");
            var first = line[0];
            // No line starts with a combining mark (above/below vowels, tone marks) or a following vowel/sign.
            Assert.NotEqual(UnicodeCategory.NonSpacingMark, CharUnicodeInfo.GetUnicodeCategory(first));
            Assert.DoesNotContain(first, "ะาำๅๆฯ");
            // No line ends with a leading vowel, which belongs to the consonant on the next line.
            Assert.DoesNotContain(line[^1], "เแโใไ");
        }
    }

    [Fact]
    public void Wrap_TextWithSpaces_BreaksAtTheSpaces()
    {
        var lines = ThaiLineBreaker.Wrap("นางสาวสมหญิง ใจดี ยื่นคำขออนุญาต ก่อสร้างอาคาร", 16, Clusters);

        Assert.Equal(["นางสาวสมหญิง ใจดี", "ยื่นคำขออนุญาต", "ก่อสร้างอาคาร"], lines);
    }

    [Fact]
    public void Wrap_WithoutDictionary_BreaksBeforeLeadingVowelRatherThanMidSyllable()
    {
        // "ตรวจสอบเอกสาร" (check documents) at width 9: the break goes before เ, where a syllable surely begins.
        var lines = ThaiLineBreaker.Wrap("ตรวจสอบเอกสาร", 9, Clusters, useDictionary: false);

        Assert.Equal(["ตรวจสอบ", "เอกสาร"], lines);
    }

    [Fact]
    public void Wrap_WithoutDictionary_SplitsAfterSyllableEndEvenInsideAWord()
    {
        // The documented limit: ำ ends a syllable, so คำ|ขอ ("application") is split without a dictionary.
        var lines = ThaiLineBreaker.Wrap("ตรวจสอบคำขอ", 8, Clusters, useDictionary: false);

        Assert.Equal(["ตรวจสอบคำ", "ขอ"], lines);
    }

    [Fact]
    public void Wrap_WithIcuDictionary_KeepsThaiWordsWhole()
    {
        Assert.True(IcuLineBreaksAvailable(), "the system ICU (libicuuc, used by .NET globalization) was not found");

        var lines = ThaiLineBreaker.Wrap("ตรวจสอบคำขอ", 8, Clusters);

        Assert.Equal(["ตรวจสอบ", "คำขอ"], lines);
    }

    [Fact]
    public void Wrap_NewlineInText_StartsANewLine()
    {
        var lines = ThaiLineBreaker.Wrap("ขออนุญาตก่อสร้างอาคาร\nBuilding permit", 100, Clusters);

        Assert.Equal(["ขออนุญาตก่อสร้างอาคาร", "Building permit"], lines);
    }

    [Fact]
    public void Wrap_LongUrl_IsSplitRatherThanLost()
    {
        const string url = "https://anuyat.example/applications/1001-2569-000123";

        var lines = ThaiLineBreaker.Wrap(url, 20, Clusters);

        Assert.Equal(url, string.Concat(lines));
        Assert.All(lines, l => Assert.True(l.Length <= 20));
        // Breaks after '/' or '-' where it can: every line but the last ends with one.
        Assert.All(lines.SkipLast(1), l => Assert.Contains(l[^1], "/-"));
    }
}
