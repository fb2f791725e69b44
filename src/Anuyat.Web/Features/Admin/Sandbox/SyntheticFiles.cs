using Anuyat.Domain.Accounts;
using Anuyat.Domain.Applications;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Features.Catalog;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Admin.Sandbox;

/// <summary>
/// Fills the training sandbox: the demo staff and citizen (DemoAccounts), and a handful of synthetic ข.1 files sent
/// to the pilot districts' Public Works sections, made through the domain like real ones (reference numbers, audit
/// timeline, legal deadline). The one place to point at <c>demo generate</c> once it exists.
/// </summary>
public static class SyntheticFiles
{
    public const string BuildingPermit = "building-permit-k1";

    /// <summary>The districts that get files: the first two pilot districts (Phra Nakhon, Nong Chok).</summary>
    public static readonly string[] Districts = ["1001", "1003"];

    public const int PerDistrict = 3;

    public static async Task<int> SeedAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<CatalogStore>();
        await DemoAccounts.SeedAsync(services, catalog.Districts, catalog.Sections, logger, cancellationToken);
        var db = services.GetRequiredService<AnuyatDbContext>();
        if (await db.Applications.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var users = services.GetRequiredService<UserManager<Account>>();
        var citizen = await users.FindByEmailAsync(DemoAccounts.CitizenEmail) ?? throw new InvalidOperationException("the demo citizen was not seeded");
        var made = 0;
        foreach (var district in Districts)
        {
            for (var i = 0; i < PerDistrict; i++)
            {
                await CreateSubmittedAsync(services, citizen.Id, citizen.DisplayName, district, i, TimeSpan.FromMinutes(10 * (PerDistrict - i)), cancellationToken);
                made++;
            }
        }

        logger.LogInformation("Sandbox: {Count} synthetic applications", made);
        return made;
    }

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
