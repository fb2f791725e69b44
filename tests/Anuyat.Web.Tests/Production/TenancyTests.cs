using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Cli;
using Anuyat.Web.Tests.Applications;
using Anuyat.Web.Tests.Infrastructure;
using Anuyat.Web.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Production;

/// <summary>
/// Two local administrations in one database (issue 9): Bangkok on the default host and a second tenant on its own
/// host name. Each sees only its own rows, numbers its files on its own, and keeps its own audit chain.
/// </summary>
public sealed class TenancyTests
{
    private const string OtherTenant = "nonthaburi";
    private const string OtherHost = "nonthaburi.localhost";

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task TwoTenants_OneDatabase_SeeOnlyTheirOwnFiles_AndNumberThemIndependently(Db db)
    {
        var settings = new Dictionary<string, string?>(PaymentApps.Settings) { [$"Tenancy:Hosts:{OtherHost}"] = OtherTenant };
        using var app = await AnuyatApp.StartAsync(db, settings: settings);

        var bangkok = await ApprovedFile.CreateAsync(app);
        var other = await ApproveAsync(app, OtherHost, OtherTenant);

        // Each tenant's first file and first invoice: the counters are per tenant, so both get the same numbers.
        Assert.Equal(bangkok.Reference, other.Reference);
        var bangkokInvoice = (await bangkok.InvoiceAsync()).GetProperty("number").GetString();
        var otherInvoice = (await other.InvoiceAsync()).GetProperty("number").GetString();
        Assert.Matches(@"^1001-INV-25\d\d-000001$", bangkokInvoice);
        Assert.Equal(bangkokInvoice, otherInvoice);

        // Citizen, officer and approver of one tenant get 404 for the other tenant's file, in both directions.
        foreach (var (who, file) in new[] { (other.Citizen, bangkok.Id), (other.Officer, bangkok.Id), (other.Approver, bangkok.Id), (bangkok.Citizen, other.Id), (bangkok.Officer, other.Id) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await who.GetAsync($"/api/v1/applications/{file}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await who.GetAsync($"/api/v1/applications/{file}/invoice")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await other.Officer.GetAsync($"/api/v1/applications/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bangkok.Officer.GetAsync($"/api/v1/applications/{bangkok.Id}")).StatusCode);

        // The officers' lists hold only their own tenant's file (same district, same section, same reference).
        var otherList = await other.Officer.GetFromJsonAsync<JsonElement>("/api/v1/applications");
        var bangkokList = await bangkok.Officer.GetFromJsonAsync<JsonElement>("/api/v1/applications");
        Assert.Equal([other.Id], otherList.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
        Assert.Equal([bangkok.Id], bangkokList.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));

        // A Bangkok token presented to the other tenant's host is no one there.
        using var replayed = app.CreateClient(new() { BaseAddress = new Uri($"https://{OtherHost}"), AllowAutoRedirect = false });
        replayed.DefaultRequestHeaders.Authorization = bangkok.Citizen.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.Unauthorized, (await replayed.GetAsync($"/api/v1/applications/{bangkok.Id}")).StatusCode);

        // In the database: one file per tenant, each chain verifies on its own, and `audit verify` checks both.
        var tenants = await app.WithScopeAsync(async s =>
        {
            var context = s.GetRequiredService<AnuyatDbContext>();
            return await context.Applications.IgnoreQueryFilters([AnuyatDbContext.TenantFilter])
                .Select(a => new { a.Id, Tenant = EF.Property<string>(a, AnuyatDbContext.TenantProperty) })
                .OrderBy(a => a.Tenant).ToListAsync();
        });
        Assert.Equal([(Tenancy.DefaultId, bangkok.Id), (OtherTenant, other.Id)], tenants.Select(t => (t.Tenant, t.Id)).OrderBy(t => t.Tenant, StringComparer.Ordinal));
        var (exit, output) = await app.WithScopeAsync(async s =>
        {
            using var writer = new StringWriter();
            var code = await AuditCommands.VerifyAsync(s.GetRequiredService<AnuyatDbContext>(), s.GetRequiredService<Anuyat.Infrastructure.Platform.DataDirectory>(), writer, writer);
            return (code, writer.ToString());
        });
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{Tenancy.DefaultId}: ok ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{OtherTenant}: ok ", lines[1], StringComparison.Ordinal);
        var firstSequences = await app.WithScopeAsync(async s =>
            await s.GetRequiredService<AnuyatDbContext>().AuditEvents.IgnoreQueryFilters([AnuyatDbContext.TenantFilter])
                .Where(e => e.Sequence == 1).CountAsync());
        Assert.Equal(2, firstSequences);
    }

    /// <summary>The same journey as <see cref="ApprovedFile.CreateAsync"/>, with accounts and clients of another tenant.</summary>
    private static async Task<ApprovedFile> ApproveAsync(AnuyatApp app, string host, string tenant)
    {
        var (citizen, citizenAccount) = await ClientAsync(app, host, tenant, Role.Citizen, null, null);
        var (officer, _) = await ClientAsync(app, host, tenant, Role.Officer, "1001", "public-works");
        var (approver, _) = await ClientAsync(app, host, tenant, Role.Approver, "1001", "public-works");
        var id = await ApplicationJourneyTests.CreateAsync(citizen, ApplicationJourneyTests.SmallHouse);
        foreach (var item in ApplicationJourneyTests.SmallHouseDocuments)
        {
            Assert.Equal(HttpStatusCode.Created, (await ApplicationJourneyTests.AttachAsync(citizen, id, item)).StatusCode);
        }

        var submitted = await citizen.PostAsync($"/api/v1/applications/{id}/submit", null);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var reference = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/applications/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/applications/{id}/recommendation", new { outcome = "approve", note = "ถูกต้อง" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsJsonAsync($"/api/v1/applications/{id}/decision", new { outcome = "approved", reasons = "" })).StatusCode);
        return new ApprovedFile(id, reference, citizen, citizenAccount, officer, approver);
    }

    private static async Task<(HttpClient, Account)> ClientAsync(AnuyatApp app, string host, string tenant, Role role, string? district, string? section)
    {
        var (account, token) = await app.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantContext>().Use(tenant);
            var made = await s.GetRequiredService<AccountProvisioning>().EnsureAsync(TestAccounts.NewEmail(role.ToCode()), role, district, section, TestAccounts.Password);
            Assert.True(made.IsSuccess);
            return (made.Value, (await s.GetRequiredService<ApiTokenService>().CreateAsync(made.Value.Id, "test")).PlainText);
        });
        var client = app.CreateClient(new() { BaseAddress = new Uri($"https://{host}"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (client, account);
    }
}
