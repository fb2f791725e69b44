using Anuyat.Domain.Applications;
using Anuyat.Domain.Stats;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Stats;

/// <summary>
/// A modest, reproducible set of applications driven through random lifecycles with the domain's own methods, each
/// step saved the way a request saves it (its own scope and context), so the rollups are kept by the real save path.
/// Not the demo generator: small, for tests and screenshots.
/// </summary>
public static class StatsSeed
{
    public sealed record Office(string District, string Section, string Service);

    public static readonly IReadOnlyList<Office> CatalogOffices =
    [
        new("1001", "public-works", "building-permit-k1"),
        new("1001", "environment-sanitation", "food-premises"),
        new("1003", "public-works", "building-permit-k1"),
        new("1007", "cleanliness-parks", "tree-trimming"),
        new("1010", "public-works", "curb-cut"),
        new("1015", "environment-sanitation", "food-premises"),
        new("1022", "administration", "commercial-registration-new"),
        new("1033", "public-works", "building-permit-k1"),
        new("1041", "social-welfare", "elderly-allowance"),
        new("1048", "cleanliness-parks", "bulky-waste"),
    ];

    /// <summary>Opens <paramref name="applications"/> files between <paramref name="start"/> and <paramref name="end"/> and takes <paramref name="steps"/> random actions on them.</summary>
    public static async Task<IReadOnlyList<Guid>> RunAsync(AnuyatApp app, int seed, IReadOnlyList<Office> offices, int applications, int steps, DateTime start, DateTime end)
    {
        var random = new Random(seed);
        var applicant = await TestAccounts.CreateAsync(app);
        var officer = Guid.NewGuid();
        var approver = Guid.NewGuid();
        var cursors = new Dictionary<Guid, DateTime>();
        var span = (end - start).TotalHours;

        // Opened in batches: some sent at once (a new row that is already "submitted"), some left as drafts.
        for (var batch = 0; batch < applications; batch += 10)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AnuyatDbContext>();
            for (var i = batch; i < Math.Min(applications, batch + 10); i++)
            {
                var office = offices[random.Next(offices.Count)];
                var opened = start.AddHours(random.NextDouble() * span * 0.9);
                var number = 100_000_000L + random.NextInt64(0, 899_999_999) + (i * 7);
                var reference = new ApplicationReference(office.District, ApplicationReference.BuddhistYearOf(StatsCalendar.BangkokDate(opened)), number);
                var application = PermitApplication.Open(Guid.NewGuid(), reference, office.Service, 1, office.Section, applicant.Id, applicant.Id, Channel.Online, "{}", opened);
                if (random.Next(3) > 0)
                {
                    Submit(application, opened, random);
                }

                db.Applications.Add(application);
                cursors[application.Id] = opened;
            }

            await db.SaveChangesAsync();
        }

        var ids = cursors.Keys.ToList();
        for (var step = 0; step < steps; step++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AnuyatDbContext>();
            var touched = random.Next(4) == 0 ? 2 : 1;
            for (var k = 0; k < touched; k++)
            {
                var id = ids[random.Next(ids.Count)];
                var now = cursors[id].AddHours(1 + (random.NextDouble() * 24 * random.Next(1, 20)));
                if (now > end)
                {
                    continue;
                }

                var application = await db.Applications.Include(a => a.Extensions).FirstAsync(a => a.Id == id);
                if (Act(application, now, random, officer, approver))
                {
                    cursors[id] = now;
                }
            }

            await db.SaveChangesAsync();
        }

        return ids;
    }

    private static void Submit(PermitApplication application, DateTime now, Random random)
    {
        application.Submit(now);
        application.RecordLegalDeadline(StatsCalendar.BangkokDate(now).AddDays(random.Next(7, 46)));
    }

    /// <summary>One action the file's status allows, picked at random; false when nothing was done.</summary>
    private static bool Act(PermitApplication a, DateTime now, Random random, Guid officer, Guid approver)
    {
        var today = StatsCalendar.BangkokDate(now);
        var dice = random.Next(100);
        switch (a.Status)
        {
            case ApplicationStatus.Draft:
                if (dice < 80)
                {
                    Submit(a, now, random);
                }
                else
                {
                    a.Withdraw(now);
                }

                return true;
            case ApplicationStatus.Submitted when a.Deficiency is null && dice < 35:
                return a.RecordDeficiency(["title-deed"], "สำเนาไม่ชัด", today.AddDays(random.Next(3, 20)), today, officer, now).IsSuccess;
            case ApplicationStatus.Submitted when dice < 92:
                return a.Accept(now).IsSuccess;
            case ApplicationStatus.Submitted:
                return a.Withdraw(now).IsSuccess;
            case ApplicationStatus.Deficient when dice < 70:
                var pausedDays = today.DayNumber - StatsCalendar.BangkokDate(a.Deficiency!.IssuedAt).DayNumber;
                var resubmitted = a.Resubmit(now).IsSuccess;
                a.RecordLegalDeadline(a.LegalDeadline?.AddDays(pausedDays));
                return resubmitted;
            case ApplicationStatus.Deficient:
                return a.Lapse(a.Deficiency!.DueDate.AddDays(1), now).IsSuccess;
            case ApplicationStatus.InReview when dice < 12:
                var extended = a.Extend("ต้องตรวจสถานที่เพิ่ม", new ExtensionLimit(2, 45), approver, now).IsSuccess;
                if (extended)
                {
                    a.RecordLegalDeadline(a.LegalDeadline?.AddDays(45));
                }

                return extended;
            case ApplicationStatus.InReview when dice < 20:
                // The holiday calendar was corrected: the stored deadline moves by a day without any action on the file.
                a.RecordLegalDeadline(a.LegalDeadline?.AddDays(random.Next(2) == 0 ? -1 : 1));
                return true;
            case ApplicationStatus.InReview when dice < 30:
                return a.AssignTo(officer, now).IsSuccess;
            case ApplicationStatus.InReview:
                var refuse = random.Next(100) < 15;
                a.Recommend(refuse ? RecommendationOutcome.Refuse : RecommendationOutcome.Approve, refuse ? "ไม่เป็นไปตามผังเมือง" : "ครบถ้วน", officer, now);
                return a.Decide(refuse ? DecisionOutcome.Refused : DecisionOutcome.Approved, refuse ? "ไม่เป็นไปตามผังเมือง" : string.Empty, random.Next(2) == 0, approver, now).IsSuccess;
            default:
                return false;
        }
    }
}
