using System.Security.Cryptography;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Pdf;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Anuyat.Web.Tests.Pdf;

public sealed class ReceiptDocumentTests(PdfFontsFixture fixture) : IClassFixture<PdfFontsFixture>
{
    private const string LongThai =
        "สำนักงานเขตจะตรวจสอบความครบถ้วนของคำขอและเอกสารประกอบภายในเจ็ดวันทำการนับแต่วันที่ได้รับคำขอ " +
        "หากคำขอหรือเอกสารไม่ครบถ้วน เจ้าหน้าที่จะบันทึกรายการที่ต้องแก้ไขหรือยื่นเพิ่มเติมเพียงครั้งเดียวเป็นหนังสือ " +
        "และท่านต้องดำเนินการภายในกำหนดที่ระบุไว้ในบันทึกนั้น มิฉะนั้นคำขอจะสิ้นผล " +
        "เมื่อเอกสารครบถ้วนแล้ว เจ้าหน้าที่จะพิจารณาและแจ้งผลให้ท่านทราบภายในกำหนดเวลาที่กฎหมายกำหนด " +
        "หากพ้นกำหนดดังกล่าว สำนักงานเขตจะแจ้งเหตุแห่งความล่าช้าให้ท่านทราบทุกเจ็ดวันจนกว่าจะพิจารณาแล้วเสร็จ";

    private static readonly Uri TrackingUrl = new("https://anuyat.example/applications/1001-2569-000123");

    private static ReceiptContent Content() => new(
        Reference: "1001-2569-000123",
        Office: new BilingualText("สำนักงานเขตพระนคร กรุงเทพมหานคร", "Phra Nakhon District Office, Bangkok"),
        ApplicantName: "นางสาวสมหญิง ใจดี",
        Service: new BilingualText("ขออนุญาตก่อสร้างอาคาร (ข.1)", "Building construction permit (Kh.1)"),
        SubmittedOn: new DateOnly(2026, 11, 25),
        LegalDeadline: new DateOnly(2027, 1, 14),
        NextSteps: new BilingualText(LongThai, "The district office checks that the application and its documents are complete within seven working days. If anything is missing, you receive one written list of what to add, once."),
        TrackingUrl: TrackingUrl)
    {
        Channel = new BilingualText("ยื่นทางออนไลน์", "Online"),
        Documents =
        [
            new ReceiptDocumentLine(new BilingualText("สำเนาโฉนดที่ดิน", "Copy of the land title deed"), 2),
            new ReceiptDocumentLine(new BilingualText("แบบแปลนอาคาร", "Building plans"), 5),
        ],
    };

    private ReceiptDocument Receipt() =>
        new(fixture.Fonts, new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 15, 0, TimeSpan.Zero)));

    [Fact]
    public void Load_FontsBesideTheBinary_AreSarabun()
    {
        Assert.Equal("Sarabun", fixture.Fonts.FamilyName);
        Assert.Equal("Sarabun", fixture.Fonts.Regular.FamilyName);
    }

    [Fact]
    public void Render_ThaiReceipt_TextReadsBackWithNameReferenceDatesAndToneMarks()
    {
        var pdf = Receipt().Render(Content());

        var text = PdfTools.Text(pdf.Bytes);

        Assert.Contains("นางสาวสมหญิง ใจดี", text, StringComparison.Ordinal);
        Assert.Contains("1001-2569-000123", text, StringComparison.Ordinal);
        Assert.Contains("25 พฤศจิกายน 2569 (25 November 2026)", text, StringComparison.Ordinal);
        Assert.Contains("14 มกราคม 2570 (14 January 2027)", text, StringComparison.Ordinal);
        Assert.Contains("ขออนุญาตก่อสร้างอาคาร (ข.1)", text, StringComparison.Ordinal); // ่ and ้ over tall consonants
        Assert.Contains("สำเนาโฉนดที่ดิน", text, StringComparison.Ordinal);
        Assert.Contains("หน้า 1/1", text, StringComparison.Ordinal);
        // The wrapped paragraph: every character, tone marks included, in order (line breaks aside).
        Assert.Contains(WithoutWhitespace(LongThai), WithoutWhitespace(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ThaiReceipt_QrCodeScansToTheTrackingUrl()
    {
        var pdf = Receipt().Render(Content());
        var png = Path.Combine(Path.GetTempPath(), $"anuyat-receipt-{Guid.NewGuid():N}.png");
        try
        {
            PdfTools.PagePng(pdf.Bytes, 1, 150, png);

            Assert.Equal([TrackingUrl.AbsoluteUri], PdfTools.DecodeQr(png));
        }
        finally
        {
            File.Delete(png);
        }
    }

    [Fact]
    public void Render_Receipt_Sha256IsThatOfTheBytesAndMetadataIsSet()
    {
        var pdf = Receipt().Render(Content());

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf.Bytes)), pdf.Sha256);
        Assert.Equal(64, pdf.Sha256.Length);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf.Bytes, 0, 5), StringComparison.Ordinal);
        var info = PdfTools.Info(pdf.Bytes);
        Assert.Contains("ใบรับคำขอ 1001-2569-000123 / Application receipt 1001-2569-000123", info, StringComparison.Ordinal);
        Assert.Matches(@"Producer:\s+Anuyat", info);
        Assert.Matches(@"CreationDate:\s+2026-11-25T03:15:00", info);
        Assert.Matches(@"Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts \(A4\)", info);
    }

    [Fact]
    public void Render_SameContentAndDate_GivesIdenticalBytes()
    {
        var first = Receipt().Render(Content());
        var second = Receipt().Render(Content());
        var otherName = Receipt().Render(Content() with { ApplicantName = "นายสมชาย ใจดี" });

        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(first.Bytes, second.Bytes);
        Assert.NotEqual(first.Sha256, otherName.Sha256);
    }

    [Fact]
    public async Task Render_ManyAtOnce_AllIdenticalToOneRenderedAlone()
    {
        var alone = Receipt().Render(Content());

        var together = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Receipt().Render(Content()))));

        Assert.All(together, pdf => Assert.Equal(alone.Sha256, pdf.Sha256));
    }

    [Fact]
    public void AddPdfDocuments_Resolves_AReceiptDocumentThatRenders()
    {
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 15, 0, TimeSpan.Zero)))
            .AddPdfDocuments();
        using var provider = services.BuildServiceProvider();

        var pdf = provider.GetRequiredService<ReceiptDocument>().Render(Content());

        Assert.Equal(Receipt().Render(Content()).Sha256, pdf.Sha256);
    }

    [Fact]
    public void Render_SamplePage_IsKeptAsPngUnderDocsScreens()
    {
        var pdf = Receipt().Render(Content());
        var target = Path.Combine(RepositoryRoot.Path, "docs", "screens", "pdf-receipt-sample.png");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        PdfTools.PagePng(pdf.Bytes, 1, 110, target);
        PdfTools.KeepForInspection("receipt-sample", pdf.Bytes); // the PDF itself stays out of the repository

        Assert.True(new FileInfo(target).Length > 10_000);
    }

    private static string WithoutWhitespace(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
