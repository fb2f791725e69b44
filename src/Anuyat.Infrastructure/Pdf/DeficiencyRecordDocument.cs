using System.Globalization;
using Anuyat.Domain.Common;

namespace Anuyat.Infrastructure.Pdf;

/// <summary>What a deficiency record (บันทึกความบกพร่อง) states. Names arrive already in both languages.</summary>
/// <param name="Reference">The application reference.</param>
/// <param name="Office">The district office and section that holds the file.</param>
/// <param name="ApplicantName">As on the account.</param>
/// <param name="Service">The service applied for.</param>
/// <param name="IssuedOn">The day the record was issued, Bangkok time.</param>
/// <param name="DueDate">The last day the applicant may answer.</param>
/// <param name="Items">The checklist items to send or correct, with the manual's names.</param>
/// <param name="Corrections">What to correct, in the officer's words.</param>
/// <param name="TrackingUrl">Where the applicant answers; encoded in the QR code.</param>
public sealed record DeficiencyRecordContent(
    string Reference,
    BilingualText Office,
    string ApplicantName,
    BilingualText Service,
    DateOnly IssuedOn,
    DateOnly DueDate,
    IReadOnlyList<BilingualText> Items,
    string Corrections,
    Uri TrackingUrl);

/// <summary>
/// The written record of missing items. Licensing Facilitation Act B.E. 2558 s.8: when an application or its documents
/// are incomplete, the official records what is missing in writing, both sides sign or receive a copy, the applicant
/// has a set time to supply it, and the office may not ask again for anything not in the record. Both the applicant and
/// the office download the same document.
/// </summary>
public sealed class DeficiencyRecordDocument(PdfFonts fonts, TimeProvider time)
{
    public const string LawTh = "พระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558 มาตรา 8";

    public const string LawEn = "Licensing Facilitation Act B.E. 2558 (2015), section 8";

    public PdfFile Render(DeficiencyRecordContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var table = new PdfTable(
            new PdfTableColumn("ลำดับ\nNo.", 0.6f, PdfAlign.Center),
            new PdfTableColumn("รายการที่ต้องส่งหรือแก้ไข / Item to send or correct", 5.8f));
        for (var i = 0; i < content.Items.Count; i++)
        {
            table.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), $"{content.Items[i].Th}\n{content.Items[i].En}");
        }

        var builder = new PdfDocumentBuilder(fonts)
            .Metadata($"บันทึกความบกพร่อง {content.Reference} / Deficiency record {content.Reference}", content.Service.En, content.Office.En)
            .FooterNote($"{content.Reference} · {LawEn} · Anuyat")
            .Header([content.Office.Th, content.Office.En], "บันทึกความบกพร่องของคำขอ / Deficiency record")
            .KeyValue("เลขที่คำขอ / Reference", content.Reference)
            .KeyValue("ผู้ยื่นคำขอ / Applicant", content.ApplicantName)
            .KeyValue("บริการ / Service", $"{content.Service.Th}\n{content.Service.En}")
            .KeyValue("วันที่ออกบันทึก / Issued", PdfDates.Bilingual(content.IssuedOn))
            .KeyValue("ส่งคืนภายใน / Answer by", PdfDates.Bilingual(content.DueDate))
            .Heading("รายการที่ขาดหรือไม่ถูกต้อง / Missing or wrong items")
            .Table(table);
        if (!string.IsNullOrWhiteSpace(content.Corrections))
        {
            builder.Heading("สิ่งที่ต้องแก้ไข / Corrections").Paragraph(content.Corrections);
        }

        builder
            .Heading("ข้อกฎหมาย / The law")
            .Paragraph($"ตาม{LawTh} เจ้าหน้าที่บันทึกรายการที่ขาดหรือไม่ถูกต้องเป็นหนังสือได้เพียงครั้งเดียว หากผู้ยื่นไม่ส่งภายในวันครบกำหนด คำขอสิ้นผล ระหว่างที่คำขออยู่ที่ผู้ยื่น ระยะเวลาพิจารณาจะหยุดนับ และเจ้าหน้าที่จะขอเอกสารอื่นนอกจากรายการนี้อีกไม่ได้")
            .Paragraph($"Under the {LawEn}, the office records what is missing in writing, once. If the items do not arrive by the due date the application lapses. The legal clock stops while the file is with the applicant, and the office may not ask for anything outside this record.", muted: true)
            .Spacer(6)
            .QrCode(content.TrackingUrl.AbsoluteUri, $"สแกนเพื่อส่งเอกสาร / Scan to answer\n{content.TrackingUrl.AbsoluteUri}");
        return builder.Render(time.GetUtcNow().UtcDateTime);
    }
}
