using System.Globalization;
using System.Text.Json.Nodes;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Common;
using Anuyat.Domain.Payments;
using Anuyat.Domain.Permits;
using Anuyat.Infrastructure.Documents;
using Anuyat.Infrastructure.Pdf;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Permits;

/// <summary>
/// Issues the permit of an application that is now <see cref="ApplicationStatus.Issued"/>: a running number per
/// district and year, the PDF rendered once and kept in the document store, its SHA-256 recorded, the holder told.
/// The caller saves the unit of work.
/// </summary>
public sealed class PermitIssuance(AnuyatDbContext db, IServiceDirectory directory, PermitDocument documents, IDocumentStore store, ApplicationEvents events, PublicAddress address, TimeProvider clock)
{
    public async Task<Result<Permit>> IssueAsync(PermitApplication application, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.Status != ApplicationStatus.Issued || application.DecidedBy is not { } approver)
        {
            return new ConflictError("not-approved", new BilingualText("คำขอนี้ยังไม่พร้อมออกใบอนุญาต", "This application is not ready for a permit"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = ApplicationClock.BangkokDate(now);
        var key = DocumentNumber.CounterKeyFor(application.DistrictCode, DocumentNumber.Permit, today.Year + ThaiFiscalYear.BuddhistEraOffset);
        var number = DocumentNumber.ForPermit(application.DistrictCode, today, await Counters.NextAsync(db, key, ct)).ToString();

        var district = await db.Districts.AsNoTracking().FirstAsync(d => d.Code == application.DistrictCode, ct);
        var approverName = await db.Users.AsNoTracking().Where(u => u.Id == approver).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? string.Empty;
        var holderFallback = await db.Users.AsNoTracking().Where(u => u.Id == application.ApplicantAccountId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? string.Empty;
        var output = directory.Output(application.ServiceCode, application.ServiceVersion);
        var answers = JsonNode.Parse(application.AnswersJson) as JsonObject ?? [];

        var facts = new PermitIssue(
            Guid.NewGuid(),
            number,
            application.Id,
            application.Reference,
            application.ServiceCode,
            application.DistrictCode,
            application.SectionCode,
            application.ApplicantAccountId,
            HolderName(answers) ?? holderFallback,
            Site(answers, district.NameTh),
            SiteArea(answers),
            Text(answers, "requestType") ?? output?.Kind ?? "permit",
            Buildings(answers),
            today,
            output?.ValidityDays is { } days ? today.AddDays(days) : null,
            approver);

        var verify = address.Of($"/verify/{Uri.EscapeDataString(number)}");
        var content = new PermitContent(
            number,
            output is null ? new BilingualText("ใบอนุญาต", "Permit") : new BilingualText(output.Name.Th, output.Name.En),
            new BilingualText($"สำนักงานเขต{district.NameTh} กรุงเทพมหานคร", $"{district.NameEn} District Office, Bangkok"),
            application.Reference,
            facts.HolderName,
            facts.Site,
            Permitted(facts.Kind, output),
            [.. facts.Buildings.Select(b => new PermitBuildingLine(b.Kind, b.Use, b.Storeys, b.HeightM, b.FloorAreaM2, b.ParkingAreaM2))],
            Conditions(answers, application.DecisionReasons),
            facts.IssuedOn,
            facts.ValidUntil,
            output?.Validity is { } words ? new BilingualText(words.Th, words.En) : null,
            approverName,
            verify);
        var pdf = documents.Render(content, now);

        // Content-addressed: the stored bytes are exactly those hashed, and every read is checked against the hash.
        await using (var stream = new MemoryStream(pdf.Bytes, writable: false))
        {
            await store.PutAsync(stream, ct);
        }

        var permit = Permit.Issue(facts, pdf.Sha256, now);
        db.Permits.Add(permit);
        events.Record(null, application, "permit-issued", new($"ออกใบอนุญาตเลขที่ {number} แล้ว", $"Permit {number} issued"), new { permit = number, sha256 = pdf.Sha256 });
        await events.NotifyApplicantAsync(application, new("ออกใบอนุญาตแล้ว", "Your permit has been issued"),
            new($"ใบอนุญาตเลขที่ {number} ดาวน์โหลดได้ที่หน้าคำขอ", $"Permit {number} can be downloaded from the application page"));
        return permit;
    }

    private static string? Text(JsonObject answers, params string[] path)
    {
        JsonNode? node = answers;
        foreach (var part in path)
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
        }

        return node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
    }

    private static decimal Number(JsonNode? node) =>
        node is JsonValue v && (v.TryGetValue<decimal>(out var d) || (v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out d))) ? d : 0m;

    private static string? HolderName(JsonObject answers)
    {
        var name = string.Join(' ', new[] { Text(answers, "applicant", "firstName"), Text(answers, "applicant", "lastName") }.Where(n => n is not null));
        return name.Length > 0 ? name : null;
    }

    private static string Site(JsonObject answers, string districtNameTh)
    {
        var parts = new List<string>();
        void Add(string prefix, string? value)
        {
            if (value is not null && value != "-")
            {
                parts.Add(prefix + value);
            }
        }

        Add("เลขที่ ", Text(answers, "site", "houseNo"));
        Add("ซอย", Text(answers, "site", "soi"));
        Add("ถนน", Text(answers, "site", "road"));
        Add("แขวง", Text(answers, "site", "subdistrict"));
        parts.Add($"เขต{districtNameTh} กรุงเทพมหานคร");
        Add(string.Empty, Text(answers, "site", "postcode"));
        return string.Join(' ', parts);
    }

    /// <summary>Where, without the house number: enough for a neighbour to find it in the register, nothing more.</summary>
    private static string SiteArea(JsonObject answers) =>
        string.Join(' ', new[] { Text(answers, "site", "road") is { } road ? "ถนน" + road : null, Text(answers, "site", "subdistrict") is { } sub ? "แขวง" + sub : null }.Where(p => p is not null));

    private static List<PermittedBuilding> Buildings(JsonObject answers) =>
        answers["buildings"] is JsonArray rows
            ? [.. rows.OfType<JsonObject>().Select(r => new PermittedBuilding(
                Text(r, "kind") ?? string.Empty,
                Text(r, "use") ?? string.Empty,
                (int)Number(r["storeys"]),
                Number(r["heightM"]),
                Number(r["floorAreaM2"]),
                Number(r["parkingAreaM2"])))]
            : [];

    private static BilingualText Permitted(string kind, Anuyat.Domain.Catalog.OutputDocument? output) => kind switch
    {
        "construct" => new("ก่อสร้างอาคารตามรายการด้านล่าง", "Construct the buildings listed below"),
        "modify" => new("ดัดแปลงอาคารตามรายการด้านล่าง", "Modify the buildings listed below"),
        "demolish" => new("รื้อถอนอาคารตามรายการด้านล่าง", "Demolish the buildings listed below"),
        _ => output is null ? new("ตามคำขอ", "As applied for") : new(output.Name.Th, output.Name.En),
    };

    private static List<BilingualText> Conditions(JsonObject answers, string? approverNote)
    {
        // Building Control Act B.E. 2522 s.31: work must follow the permitted plans; the approver's note adds to them.
        var conditions = new List<BilingualText>
        {
            new("ต้องดำเนินการให้เป็นไปตามแบบแปลน รายการประกอบแบบแปลน และรายการคำนวณที่ได้รับอนุญาต", "The work must follow the permitted plans, specifications and calculations"),
        };
        if (Number(answers["completionDays"]) is var days and > 0)
        {
            var d = days.ToString("0", CultureInfo.InvariantCulture);
            conditions.Add(new($"ดำเนินการให้แล้วเสร็จภายใน {d} วัน ตามที่แจ้งไว้ในคำขอ", $"Complete the work within {d} days, as stated in the application"));
        }

        if (!string.IsNullOrWhiteSpace(approverNote))
        {
            conditions.Add(new($"หมายเหตุของผู้อนุญาต: {approverNote}", $"Approver's note: {approverNote}"));
        }

        return conditions;
    }
}

/// <summary>
/// The absolute address of a public page, printed on documents (the permit's QR code): <c>Permits:PublicBaseUrl</c>
/// when set (behind a proxy), otherwise the address the current request came in on.
/// </summary>
public sealed class PublicAddress(IConfiguration configuration, IHttpContextAccessor http)
{
    public Uri Of(string path)
    {
        var configured = configuration["Permits:PublicBaseUrl"];
        var request = http.HttpContext?.Request;
        var root = !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/')
            : request is not null ? $"{request.Scheme}://{request.Host}"
            : "http://localhost";
        return new Uri(root + path);
    }
}
