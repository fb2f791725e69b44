using System.Net.Http.Json;
using System.Text.Json;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Applications;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Applications;

/// <summary>
/// The law's calendar duties (Licensing Facilitation Act s.8 and s.10) run on the right days and never twice. Each test
/// has its own app, because it moves "today" months ahead for every file in the database.
/// </summary>
public sealed class ClockDutiesTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task DelayNotices_GoOutTheDayAfterTheDeadlineThenEverySevenDays_AndNeverTwice(Db db)
    {
        await using var app = await AnuyatApp.StartAsync(db, settings: new Dictionary<string, string?> { ["Applications:ClockDutiesWorker"] = "false" });
        var (citizen, _) = await TestAccounts.ApiClientAsync(app);
        var (id, reference, deadline) = await SubmittedAsync(citizen);

        var onDeadline = await RunAsync(app, deadline);
        var dayAfter = await RunAsync(app, deadline.AddDays(1));
        var sameDayAgain = await RunAsync(app, deadline.AddDays(1));
        var sixDaysLater = await RunAsync(app, deadline.AddDays(7));
        var weekLater = await RunAsync(app, deadline.AddDays(8));

        Assert.Equal([0, 1, 0, 0, 1], new[] { onDeadline, dayAfter, sameDayAgain, sixDaysLater, weekLater }.Select(o => o.NoticesSent));
        var sent = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().DelayNotices.Where(n => n.ApplicationId == id).Select(n => n.DueOn).OrderBy(d => d).ToListAsync());
        Assert.Equal([deadline.AddDays(1), deadline.AddDays(8)], sent);
        var mails = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().OutboxMessages.CountAsync(m => m.Subject.Contains(reference) && m.Subject.Contains("ล่าช้า")));
        Assert.Equal(2, mails);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task DecidedFiles_GetNoDelayNotice_AndAnUnansweredDeficiencyLapsesTheDayAfterItsDueDate(Db db)
    {
        await using var app = await AnuyatApp.StartAsync(db, settings: new Dictionary<string, string?> { ["Applications:ClockDutiesWorker"] = "false" });
        var (citizen, _) = await TestAccounts.ApiClientAsync(app);
        var (officer, _) = await TestAccounts.ApiClientAsync(app, Role.Officer, "1001", "public-works");
        var (decidedId, _, deadline) = await SubmittedAsync(citizen);
        await officer.PostAsync($"/api/v1/applications/{decidedId}/accept", null);
        await officer.PostAsJsonAsync($"/api/v1/applications/{decidedId}/recommendation", new { outcome = "refuse", note = "ล้ำที่สาธารณะ" });
        var (approver, _) = await TestAccounts.ApiClientAsync(app, Role.Approver, "1001", "public-works");
        await approver.PostAsJsonAsync($"/api/v1/applications/{decidedId}/decision", new { outcome = "refused", reasons = "อาคารล้ำเขตทางสาธารณะ" });
        var (deficientId, _, _) = await SubmittedAsync(citizen);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        await officer.PostAsJsonAsync($"/api/v1/applications/{deficientId}/deficiency", new { items = new[] { "plans" }, note = "ขาดลายมือชื่อ", dueDate = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });

        var onDueDate = await RunAsync(app, due);
        var afterDueDate = await RunAsync(app, due.AddDays(1));
        var later = await RunAsync(app, deadline.AddDays(30));

        Assert.Equal((0, 1, 0), (onDueDate.Lapsed, afterDueDate.Lapsed, later.Lapsed));
        Assert.Equal(0, later.NoticesSent);
        var lapsed = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{deficientId}");
        Assert.Equal("lapsed", lapsed.GetProperty("status").GetString());
        Assert.Contains(lapsed.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("action").GetString() == "application.lapsed" && e.GetProperty("actorRole").GetString() == "system");
    }

    private static async Task<ClockDuties.Outcome> RunAsync(AnuyatApp app, DateOnly today) =>
        await app.WithScopeAsync(s => s.GetRequiredService<ClockDuties>().RunAsync(today, CancellationToken.None));

    private static async Task<(Guid Id, string Reference, DateOnly Deadline)> SubmittedAsync(HttpClient citizen)
    {
        var id = await ApplicationJourneyTests.CreateAsync(citizen, ApplicationJourneyTests.SmallHouse);
        foreach (var item in ApplicationJourneyTests.SmallHouseDocuments)
        {
            await ApplicationJourneyTests.AttachAsync(citizen, id, item);
        }

        var submitted = await (await citizen.PostAsync($"/api/v1/applications/{id}/submit", null)).Content.ReadFromJsonAsync<JsonElement>();
        return (id, submitted.GetProperty("reference").GetString()!, DateOnly.Parse(submitted.GetProperty("legalDeadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
