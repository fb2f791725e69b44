using Anuyat.Domain.Common;

namespace Anuyat.Infrastructure.Pdf;

/// <summary>A document received with the application and how many files came with it.</summary>
public sealed record ReceiptDocumentLine(BilingualText Name, int Files);

/// <summary>What a submission receipt states. Names and texts arrive already in the applicant's words.</summary>
/// <param name="Reference">The application reference, e.g. 1001-2569-000123 (district, Buddhist year, running number).</param>
/// <param name="Office">The district office that received the file.</param>
/// <param name="ApplicantName">As on the application, e.g. "นางสาวสมหญิง ใจดี".</param>
/// <param name="Service">The service applied for.</param>
/// <param name="SubmittedOn">The day of submission, Bangkok time.</param>
/// <param name="LegalDeadline">The date by which the office must decide (computed by the deadline engine).</param>
/// <param name="NextSteps">What happens next, in both languages.</param>
/// <param name="TrackingUrl">Where the applicant follows the file; encoded in the QR code.</param>
public sealed record ReceiptContent(
    string Reference,
    BilingualText Office,
    string ApplicantName,
    BilingualText Service,
    DateOnly SubmittedOn,
    DateOnly LegalDeadline,
    BilingualText NextSteps,
    Uri TrackingUrl)
{
    /// <summary>Optional: "the documents received" rows (name, number of files).</summary>
    public IReadOnlyList<ReceiptDocumentLine> Documents { get; init; } = [];

    /// <summary>Optional: how the file came in, e.g. online or at the counter.</summary>
    public BilingualText? Channel { get; init; }
}

/// <summary>
/// The receipt an applicant gets on submission (Licensing Facilitation Act B.E. 2558 s.8: the office acknowledges
/// the application and its documents in writing). Bilingual, with the reference, the legal deadline and a QR code to
/// the tracking page. A later feature renders it and stores <see cref="PdfFile.Sha256"/> beside the application.
/// </summary>
public sealed class ReceiptDocument(PdfFonts fonts, TimeProvider time)
{
    public PdfFile Render(ReceiptContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var builder = new PdfDocumentBuilder(fonts)
            .Metadata($"ใบรับคำขอ {content.Reference} / Application receipt {content.Reference}", content.Service.En, content.Office.En)
            .FooterNote($"{content.Reference} · Anuyat")
            .Header([content.Office.Th, content.Office.En], "ใบรับคำขอ / Application receipt")
            .KeyValue("เลขที่คำขอ / Reference", content.Reference)
            .KeyValue("ผู้ยื่นคำขอ / Applicant", content.ApplicantName)
            .KeyValue("บริการ / Service", $"{content.Service.Th}\n{content.Service.En}")
            .KeyValue("วันที่ยื่น / Submitted", PdfDates.Bilingual(content.SubmittedOn))
            .KeyValue("กำหนดแจ้งผลตามกฎหมาย / Legal deadline", PdfDates.Bilingual(content.LegalDeadline));
        if (content.Channel is { } channel)
        {
            builder.KeyValue("ช่องทาง / Channel", $"{channel.Th} / {channel.En}");
        }

        if (content.Documents.Count > 0)
        {
            var table = new PdfTable(
                new PdfTableColumn("ลำดับ\nNo.", 0.6f, PdfAlign.Center),
                new PdfTableColumn("เอกสารที่ได้รับ / Document received", 5f),
                new PdfTableColumn("ไฟล์\nFiles", 0.8f, PdfAlign.Right));
            for (var i = 0; i < content.Documents.Count; i++)
            {
                var (name, files) = content.Documents[i];
                table.AddRow((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), $"{name.Th}\n{name.En}", files.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            builder.Heading("เอกสารที่ได้รับ / Documents received").Table(table);
        }

        builder
            .Heading("ขั้นตอนต่อไป / What happens next")
            .Paragraph(content.NextSteps.Th)
            .Paragraph(content.NextSteps.En)
            .Spacer(6)
            .QrCode(
                content.TrackingUrl.AbsoluteUri,
                $"สแกนเพื่อติดตามสถานะคำขอ / Scan to follow this application\n{content.TrackingUrl.AbsoluteUri}");
        return builder.Render(time.GetUtcNow().UtcDateTime);
    }
}
