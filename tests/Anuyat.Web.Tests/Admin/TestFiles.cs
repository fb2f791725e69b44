using Anuyat.Domain.Accounts;
using Anuyat.Domain.Applications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Admin;

/// <summary>
/// A submitted ข.1 file made through the domain like a real one (reference number, audit timeline, legal deadline),
/// sent some time ago, for tests that need a file in a given district's Public Works queue.
/// </summary>
public static class TestFiles
{
    public const string BuildingPermit = "building-permit-k1";

    /// <summary>One synthetic ข.1 file, opened and sent <paramref name="sentAgo"/> ago by the applicant, with its legal deadline recorded.</summary>
    public static async Task<PermitApplication> CreateSubmittedAsync(IServiceProvider services, Guid applicantId, string applicantName, string district, int index, TimeSpan sentAgo, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AnuyatDbContext>();
        var directory = services.GetRequiredService<IServiceDirectory>();
        var legalClock = services.GetRequiredService<ApplicationClock>();
        var events = services.GetRequiredService<ApplicationEvents>();
        var clock = services.GetRequiredService<TimeProvider>();
        var today = ApplicationsApi.BangkokToday(clock);
        var service = directory.InForce(BuildingPermit, today) ?? throw new InvalidOperationException("ข.1 is not in the catalog");
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime - sentAgo;
            var year = ApplicationReference.BuddhistYearOf(today);
            var number = await Counters.NextAsync(db, ApplicationReference.CounterKey(district, year), cancellationToken);
            var application = PermitApplication.Open(Guid.CreateVersion7(), new ApplicationReference(district, year, number), service.Code, service.Version, service.SectionCode,
                applicantId, applicantId, Channel.Online, Answers(district, index), now);
            application.Submit(now);
            ApplicationsApi.RefreshDeadline(application, directory, legalClock);
            db.Applications.Add(application);
            var actor = new CurrentUser(applicantId, Role.Citizen, null, null, false, applicantName);
            events.Record(actor, application, "opened", new("สร้างคำขอฉบับร่าง", "Draft opened"), new { synthetic = true });
            events.Record(actor, application, "submitted", new("ยื่นคำขอแล้ว", "Application sent"));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return application;
        });
    }

    private static readonly (string Road, string Subdistrict, string First, string Last, int Storeys, int Area)[] People =
    [
        ("ราชดำเนินกลาง", "บวรนิเวศ", "สมหญิง", "ทดสอบ", 2, 140),
        ("พระสุเมรุ", "ชนะสงคราม", "ประยุทธ", "ฝึกหัด", 1, 90),
        ("ตะนาว", "ศาลเจ้าพ่อเสือ", "มาลี", "ตัวอย่าง", 3, 210),
    ];

    private static string Answers(string district, int index)
    {
        var p = People[index % People.Length];
        var postcode = district == "1003" ? "10530" : "10200";
        // National id 1111111111119 is a checksum-valid number reserved for examples; nothing here is a real person.
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            applicantType = "person",
            requestType = "construct",
            site = new { houseNo = (10 + index).ToString(System.Globalization.CultureInfo.InvariantCulture), soi = "", road = p.Road, subdistrict = p.Subdistrict, districtCode = district, postcode },
            titleDeed = new { kind = "chanote", number = (4500 + index).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            landOwnerIsApplicant = true,
            buildings = new[] { new { kind = "บ้านเดี่ยว", use = "พักอาศัย", storeys = p.Storeys, heightM = p.Storeys * 3.5m, floorAreaM2 = p.Area, parkingAreaM2 = 20 } },
            completionDays = 365,
            applicant = new { nationalId = "1111111111119", firstName = p.First, lastName = p.Last, phone = "081-234-5678", email = "training@anuyat.test" },
            designer = new { name = "นายออกแบบ ฝึกหัด" },
            supervisor = new { name = "นายควบคุม ฝึกหัด" },
        });
    }
}
