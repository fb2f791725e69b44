using Anuyat.Infrastructure.Documents;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Anuyat.Web.Tests.Documents;

public sealed class UploadInspectorTests
{
    private const long Limit = 1024 * 1024;

    public static TheoryData<string, UploadRefusalReason> Refused => new()
    {
        { "empty", UploadRefusalReason.Empty },
        { "exe-named-pdf", UploadRefusalReason.WrongType },
        { "html-named-pdf", UploadRefusalReason.WrongType },
        { "zip-bomb", UploadRefusalReason.WrongType },
        { "gif", UploadRefusalReason.WrongType },
        { "svg", UploadRefusalReason.WrongType },
        { "script-before-pdf-header", UploadRefusalReason.Polyglot },
        { "pdf-plus-zip", UploadRefusalReason.Polyglot },
        { "pdf-with-html", UploadRefusalReason.Polyglot },
        { "png-with-script", UploadRefusalReason.Polyglot },
        { "jpeg-with-pdf-inside", UploadRefusalReason.Polyglot },
        { "pdf-openaction-js", UploadRefusalReason.ActiveContent },
        { "pdf-obfuscated-javascript", UploadRefusalReason.ActiveContent },
        { "pdf-js-in-object-stream", UploadRefusalReason.ActiveContent },
        { "pdf-launch", UploadRefusalReason.ActiveContent },
        { "pdf-embedded-file", UploadRefusalReason.ActiveContent },
        { "pdf-additional-actions", UploadRefusalReason.ActiveContent },
        { "pdf-richmedia", UploadRefusalReason.ActiveContent },
        { "pdf-xfa", UploadRefusalReason.ActiveContent },
        { "pdf-js-hidden-in-fake-stream", UploadRefusalReason.ActiveContent },
        { "pdf-encrypted", UploadRefusalReason.EncryptedPdf },
        { "pdf-flate-bomb", UploadRefusalReason.TooLarge },
        { "oversized", UploadRefusalReason.TooLarge },
        { "eicar", UploadRefusalReason.Malware },
        { "eicar-in-pdf", UploadRefusalReason.Malware },
    };

    public static byte[] Sample(string name) => name switch
    {
        "empty" => [],
        "exe-named-pdf" => Corpus.Exe(),
        "html-named-pdf" => Corpus.Html(),
        "zip-bomb" => Corpus.ZipBomb(),
        "gif" => "GIF89a\u0001\0\u0001\0\0\0\0;"u8.ToArray(),
        "svg" => "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(),
        "script-before-pdf-header" => [.. "<script>alert(1)</script>\n"u8.ToArray(), .. Corpus.Pdf()],
        "pdf-plus-zip" => Corpus.PdfZipPolyglot(),
        "pdf-with-html" => [.. Corpus.Pdf(), .. Corpus.Html()],
        "png-with-script" => Corpus.Png("<SCRIPT>alert(1)</SCRIPT>"),
        "jpeg-with-pdf-inside" => Corpus.Jpeg("%PDF-1.4 1 0 obj"),
        "pdf-openaction-js" => Corpus.Pdf("/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>"),
        "pdf-obfuscated-javascript" => Corpus.Pdf("/OpenAction << /S /J#61vaScript /J#53 (x) >>"),
        "pdf-js-in-object-stream" => Corpus.Pdf(extraObject: Corpus.FlateObject("5 0 obj << /S /JavaScript /JS (app.alert(1)) >>")),
        "pdf-launch" => Corpus.Pdf("/OpenAction << /S /Launch /F (cmd.exe) >>"),
        "pdf-embedded-file" => Corpus.Pdf("/Names << /EmbeddedFiles << /Names [(a.exe) 5 0 R] >> >>"),
        "pdf-additional-actions" => Corpus.Pdf("/AA << /O 5 0 R >>"),
        "pdf-richmedia" => Corpus.Pdf("/RichMedia 5 0 R"),
        "pdf-xfa" => Corpus.Pdf("/AcroForm << /XFA 5 0 R >>"),
        "pdf-js-hidden-in-fake-stream" => Corpus.Pdf("/Title (>>stream\n) /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> /Subject (endstream)"),
        "pdf-encrypted" => Corpus.Pdf(trailerExtra: "/Encrypt 5 0 R /ID [<00> <00>]"),
        "pdf-flate-bomb" => Corpus.Pdf(extraObject: Corpus.FlateObject(new byte[40 * 1024 * 1024])),
        "oversized" => [.. Corpus.Pdf(), .. new byte[Limit]],
        "eicar" => Corpus.Eicar,
        "eicar-in-pdf" => Corpus.Pdf(extraObject: [.. "5 0 obj\n("u8.ToArray(), .. Corpus.Eicar, .. ")\nendobj\n"u8.ToArray()]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task InspectAsync_AttackCorpus_RefusedWithReasonInThaiAndEnglish(string sample, UploadRefusalReason expected)
    {
        var result = await Inspector().InspectAsync(new MemoryStream(Sample(sample)));

        Assert.False(result.IsSuccess);
        var refused = Assert.IsType<UploadRefused>(result.Error);
        Assert.Equal(expected, refused.Reason);
        Assert.Equal(UploadRefused.CodeOf(expected), refused.Code);
        Assert.NotEmpty(refused.Message.Th);
        Assert.NotEmpty(refused.Message.En);
        Assert.NotEqual(refused.Message.Th, refused.Message.En);
    }

    [Theory]
    [InlineData("pdf", DocumentKind.Pdf, "application/pdf")]
    [InlineData("pdf-open-at-page", DocumentKind.Pdf, "application/pdf")]
    [InlineData("pdf-compressed-page", DocumentKind.Pdf, "application/pdf")]
    [InlineData("pdf-image-with-name-like-bytes", DocumentKind.Pdf, "application/pdf")]
    [InlineData("jpeg", DocumentKind.Jpeg, "image/jpeg")]
    [InlineData("png", DocumentKind.Png, "image/png")]
    public async Task InspectAsync_GoodFile_AcceptedWithKindFromContent(string sample, DocumentKind kind, string contentType)
    {
        var bytes = sample switch
        {
            "pdf" => Corpus.Pdf(),
            "pdf-open-at-page" => Corpus.Pdf("/OpenAction [3 0 R /Fit]"),
            "pdf-compressed-page" => Corpus.Pdf(extraObject: Corpus.FlateObject("BT /F1 12 Tf 72 712 Td (Hello) Tj ET")),
            "pdf-image-with-name-like-bytes" => Corpus.Pdf(extraObject:
            [
                .. "5 0 obj\n<< /Type /XObject /Subtype /Image /Filter /DCTDecode /Length 300 >>\nstream\n"u8.ToArray(),
                .. Corpus.Jpeg("\u0001/JS\u0002/AA\u0003/Launch\u0004"),
                .. "\nendstream\nendobj\n"u8.ToArray(),
            ]),
            "jpeg" => Corpus.Jpeg("a photo of a title deed"),
            _ => Corpus.Png("scanned plan"),
        };

        var result = await Inspector().InspectAsync(new MemoryStream(bytes));

        Assert.True(result.IsSuccess, result.Error?.Code);
        Assert.Equal((kind, contentType), (result.Value.Kind, result.Value.ContentType));
        if (kind == DocumentKind.Pdf)
        {
            Assert.Equal(bytes, result.Value.Content.ToArray());
        }
        else
        {
            // Images are stored re-encoded: the picture stays, the comment does not.
            using var decoded = SkiaSharp.SKBitmap.Decode(result.Value.Content.ToArray());
            Assert.Equal((16, 8), (decoded.Width, decoded.Height));
            Assert.DoesNotContain("scanned plan", System.Text.Encoding.ASCII.GetString(result.Value.Content.Span), StringComparison.Ordinal);
            Assert.DoesNotContain("title deed", System.Text.Encoding.ASCII.GetString(result.Value.Content.Span), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task InspectAsync_JpegWithExifGps_StoredWithoutIt()
    {
        var bytes = Corpus.Jpeg(withGps: true);
        Assert.True(Contains(bytes, Corpus.GpsLatitudeBytes), "the sample must carry the GPS latitude");
        Assert.True(Contains(bytes, "Exif\0\0"u8.ToArray()));

        var result = await Inspector().InspectAsync(new MemoryStream(bytes));

        Assert.True(result.IsSuccess, result.Error?.Code);
        var stored = result.Value.Content.ToArray();
        Assert.False(Contains(stored, "Exif\0\0"u8.ToArray()), "EXIF block survived");
        Assert.False(Contains(stored, Corpus.GpsLatitudeBytes), "GPS latitude survived");
        using var decoded = SkiaSharp.SKBitmap.Decode(stored);
        Assert.Equal((16, 8), (decoded.Width, decoded.Height));
        var orange = decoded.GetPixel(2, 2);
        Assert.True(orange.Red > 200 && orange.Blue < 100, $"picture changed: {orange}");
    }

    [Fact]
    public async Task InspectAsync_JpegThatDoesNotDecode_Refused()
    {
        byte[] bytes = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8.ToArray(), .. Enumerable.Range(0, 200).Select(i => (byte)(i * 7)), 0xFF, 0xD9];

        var result = await Inspector().InspectAsync(new MemoryStream(bytes));

        Assert.Equal("upload-wrong-type", result.Error?.Code);
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    [Fact]
    public async Task InspectAsync_ExactlyAtTheLimit_Accepted()
    {
        var pdf = Corpus.Pdf();
        var bytes = pdf.Concat(new byte[Limit - pdf.Length]).ToArray();

        var result = await Inspector().InspectAsync(new MemoryStream(bytes));

        Assert.True(result.IsSuccess, result.Error?.Code);
    }

    [Fact]
    public async Task InspectAsync_ScannerFindsVirus_RefusedAsMalwareWithSignature()
    {
        var result = await Inspector(new FixedScanner(new ScanVerdict(ScanOutcome.Infected, "Win.Test.Thing"))).InspectAsync(new MemoryStream(Corpus.Pdf()));

        var refused = Assert.IsType<UploadRefused>(result.Error);
        Assert.Equal((UploadRefusalReason.Malware, "Win.Test.Thing"), (refused.Reason, refused.Detail));
    }

    [Fact]
    public async Task InspectAsync_ScannerUnavailable_AcceptedAsPendingScan()
    {
        var result = await Inspector(new FixedScanner(new ScanVerdict(ScanOutcome.Unavailable))).InspectAsync(new MemoryStream(Corpus.Pdf()));

        Assert.True(result.IsSuccess, result.Error?.Code);
        Assert.Equal(ScanState.Pending, result.Value.Scan);
    }

    [Theory]
    [InlineData(ScanOutcome.Clean, ScanState.Clean)]
    [InlineData(null, ScanState.NotScanned)]
    public async Task InspectAsync_ScannerCleanOrNone_SaysSo(ScanOutcome? outcome, ScanState expected)
    {
        var scanner = outcome is { } o ? new FixedScanner(new ScanVerdict(o)) : null;

        var result = await Inspector(scanner).InspectAsync(new MemoryStream(Corpus.Pdf()));

        Assert.Equal(expected, result.Value.Scan);
    }

    [Fact]
    public void Describe_StatesTypesAndLimitInBothLanguages()
    {
        var text = new UploadLimits { MaxBytes = 10 * 1024 * 1024 }.Describe();

        Assert.Equal("ไฟล์ PDF, JPEG หรือ PNG ขนาดไม่เกิน 10 MB", text.Th);
        Assert.Equal("PDF, JPEG or PNG files, up to 10 MB each", text.En);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("..\\..\\appsettings.json", "appsettings.json")]
    [InlineData("/etc/shadow", "shadow")]
    [InlineData("plan\u202Efdp.exe", "planfdp.exe")]
    [InlineData("แบบแปลน\u0000.pdf", "แบบแปลน.pdf")]
    [InlineData("..", "document")]
    [InlineData("", "document")]
    public void CleanName_UserFileName_KeptAsTextWithoutFoldersOrControlCharacters(string given, string expected)
    {
        Assert.Equal(expected, UploadedFile.CleanName(given));
    }

    [Fact]
    public void CleanName_VeryLongName_CutTo255()
    {
        Assert.Equal(255, UploadedFile.CleanName(new string('ก', 600) + ".pdf").Length);
    }

    private static UploadInspector Inspector(IMalwareScanner? scanner = null) =>
        new(Options.Create(new UploadLimits { MaxBytes = Limit }), NullLogger<UploadInspector>.Instance, scanner);

    private sealed class FixedScanner(ScanVerdict verdict) : IMalwareScanner
    {
        public Task<ScanVerdict> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => Task.FromResult(verdict);
    }
}
