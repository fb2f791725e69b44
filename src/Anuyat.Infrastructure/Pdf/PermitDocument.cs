using System.Globalization;
using Anuyat.Domain.Common;

namespace Anuyat.Infrastructure.Pdf;

/// <summary>One row of the permit's buildings table (ข.1), already formatted.</summary>
public sealed record PermitBuildingLine(string Kind, string Use, int Storeys, decimal HeightM, decimal FloorAreaM2, decimal ParkingAreaM2);

/// <summary>What a permit states. Texts arrive already in their words; the permit shows both languages.</summary>
/// <param name="Number">e.g. 1001-PMT-2569-000001.</param>
/// <param name="Title">The output's name from the catalog, e.g. ใบอนุญาตก่อสร้าง ดัดแปลง หรือรื้อถอนอาคาร (อ.1).</param>
/// <param name="Office">The issuing district office.</param>
/// <param name="HolderName">The permit holder as on the application.</param>
/// <param name="Site">The site's address.</param>
/// <param name="Permitted">What is permitted, e.g. "ก่อสร้างอาคาร / Construct".</param>
/// <param name="Conditions">The conditions, one per item.</param>
/// <param name="ValidUntil">Last valid day, or null when the catalog sets no fixed period.</param>
/// <param name="Validity">The catalog's words on validity, shown when there is no fixed date.</param>
/// <param name="ApproverName">Who approved, as on their account.</param>
/// <param name="VerifyUrl">The public verification page; encoded in the QR code.</param>
public sealed record PermitContent(
    string Number,
    BilingualText Title,
    BilingualText Office,
    string ApplicationReference,
    string HolderName,
    string Site,
    BilingualText Permitted,
    IReadOnlyList<PermitBuildingLine> Buildings,
    IReadOnlyList<BilingualText> Conditions,
    DateOnly IssuedOn,
    DateOnly? ValidUntil,
    BilingualText? Validity,
    string ApproverName,
    Uri VerifyUrl);

/// <summary>
/// The permit (for ข.1 the Building Control Act B.E. 2522 s.21 permit, form อ.1): number, holder, site, what is
/// permitted with the buildings table, conditions, validity, issuing office and approver, and a QR code to the public
/// verification page. Rendered once at issue; the bytes and their SHA-256 are kept, so a copy can be checked.
/// </summary>
public sealed class PermitDocument(PdfFonts fonts)
{
    public PdfFile Render(PermitContent content, DateTime issuedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(content);
        var builder = new PdfDocumentBuilder(fonts)
            .Metadata($"{content.Title.Th} {content.Number}", content.Title.En, content.Office.En)
            .FooterNote($"{content.Number} · ตรวจสอบได้ที่ / Verify at {content.VerifyUrl.AbsoluteUri}")
            .Header([content.Office.Th, content.Office.En], $"{content.Title.Th}\n{content.Title.En}")
            .KeyValue("เลขที่ใบอนุญาต / Permit number", content.Number)
            .KeyValue("ผู้ได้รับอนุญาต / Permit holder", content.HolderName)
            .KeyValue("สถานที่ / Site", content.Site)
            .KeyValue("ได้รับอนุญาตให้ / Permitted to", $"{content.Permitted.Th}\n{content.Permitted.En}")
            .KeyValue("ตามคำขอเลขที่ / Application", content.ApplicationReference)
            .KeyValue("วันที่ออก / Issued on", PdfDates.Bilingual(content.IssuedOn))
            .KeyValue("ใช้ได้ถึง / Valid until", content.ValidUntil is { } until
                ? PdfDates.Bilingual(until)
                : content.Validity is { } words ? $"{words.Th}\n{words.En}" : "ไม่มีกำหนดอายุ / Does not expire");

        if (content.Buildings.Count > 0)
        {
            var table = new PdfTable(
                new PdfTableColumn("ลำดับ\nNo.", 0.5f, PdfAlign.Center),
                new PdfTableColumn("ชนิดอาคาร\nKind", 1.6f),
                new PdfTableColumn("การใช้\nUse", 1.4f),
                new PdfTableColumn("ชั้น\nStoreys", 0.7f, PdfAlign.Right),
                new PdfTableColumn("สูง (ม.)\nHeight (m)", 0.9f, PdfAlign.Right),
                new PdfTableColumn("พื้นที่ (ตร.ม.)\nFloor (m²)", 1.1f, PdfAlign.Right),
                new PdfTableColumn("ที่จอดรถ (ตร.ม.)\nParking (m²)", 1.1f, PdfAlign.Right));
            for (var i = 0; i < content.Buildings.Count; i++)
            {
                var b = content.Buildings[i];
                table.AddRow(
                    (i + 1).ToString(CultureInfo.InvariantCulture),
                    b.Kind,
                    b.Use,
                    b.Storeys.ToString(CultureInfo.InvariantCulture),
                    b.HeightM.ToString("0.##", CultureInfo.InvariantCulture),
                    b.FloorAreaM2.ToString("#,0.##", CultureInfo.InvariantCulture),
                    b.ParkingAreaM2.ToString("#,0.##", CultureInfo.InvariantCulture));
            }

            builder.Heading("อาคารที่ได้รับอนุญาต / Buildings permitted").Table(table);
        }

        if (content.Conditions.Count > 0)
        {
            builder.Heading("เงื่อนไข / Conditions").List(content.Conditions.Select(c => $"{c.Th}\n{c.En}"));
        }

        return builder
            .Signature(content.ApproverName, "ผู้อนุญาต / Approving officer", PdfDates.Bilingual(content.IssuedOn))
            .Spacer(6)
            .QrCode(content.VerifyUrl.AbsoluteUri, $"สแกนเพื่อตรวจสอบความถูกต้องของใบอนุญาต / Scan to check this permit\n{content.VerifyUrl.AbsoluteUri}")
            .Render(issuedAtUtc);
    }
}

/// <summary>What a payment receipt states.</summary>
public sealed record PaymentReceiptContent(
    string ReceiptNumber,
    BilingualText Office,
    string PayerName,
    string ApplicationReference,
    string InvoiceNumber,
    IReadOnlyList<(BilingualText Label, long AmountSatang)> Lines,
    long TotalSatang,
    DateTime PaidAtUtc,
    DateOnly PaidOn,
    string TransactionId);

/// <summary>
/// The receipt for a fee paid through the bank (the district office's official receipt): running number, payer,
/// invoice, lines and total, and the bank's transaction id.
/// </summary>
public sealed class PaymentReceiptDocument(PdfFonts fonts)
{
    public PdfFile Render(PaymentReceiptContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var table = new PdfTable(
            new PdfTableColumn("ลำดับ\nNo.", 0.5f, PdfAlign.Center),
            new PdfTableColumn("รายการ / Item", 4f),
            new PdfTableColumn("จำนวนเงิน (บาท)\nAmount (THB)", 1.4f, PdfAlign.Right));
        for (var i = 0; i < content.Lines.Count; i++)
        {
            var (label, amount) = content.Lines[i];
            table.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), $"{label.Th}\n{label.En}", Baht(amount));
        }

        table.AddRow(string.Empty, "รวม / Total", Baht(content.TotalSatang));
        return new PdfDocumentBuilder(fonts)
            .Metadata($"ใบเสร็จรับเงิน {content.ReceiptNumber} / Receipt {content.ReceiptNumber}", content.ApplicationReference, content.Office.En)
            .FooterNote($"{content.ReceiptNumber} · Anuyat")
            .Header([content.Office.Th, content.Office.En], "ใบเสร็จรับเงิน / Receipt")
            .KeyValue("เลขที่ใบเสร็จ / Receipt number", content.ReceiptNumber)
            .KeyValue("ได้รับเงินจาก / Received from", content.PayerName)
            .KeyValue("คำขอเลขที่ / Application", content.ApplicationReference)
            .KeyValue("ใบแจ้งชำระ / Invoice", content.InvoiceNumber)
            .KeyValue("วันที่ชำระ / Paid on", PdfDates.Bilingual(content.PaidOn))
            .KeyValue("เลขที่รายการธนาคาร / Bank transaction", content.TransactionId)
            .Table(table)
            .Render(content.PaidAtUtc);
    }

    public static string Baht(long satang) =>
        string.Create(CultureInfo.InvariantCulture, $"{satang / 100:#,0}.{satang % 100:D2}");
}
