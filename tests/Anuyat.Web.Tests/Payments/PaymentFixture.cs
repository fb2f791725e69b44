using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Payments;
using Anuyat.Web.Tests.Applications;
using Anuyat.Web.Tests.Infrastructure;

namespace Anuyat.Web.Tests.Payments;

/// <summary>One app per database with the payment settings, and the steps that bring a ข.1 file to approval.</summary>
public static class PaymentApps
{
    public const string BillerId = "099400016550101";
    public const string Secret = "test-callback-secret-0123456789";

    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Payments:BillerId"] = BillerId,
        ["Payments:CallbackSecret"] = Secret,
    };

    private static readonly Lazy<Task<AnuyatApp>> SqliteApp = new(() => AnuyatApp.StartAsync(Db.Sqlite, settings: Settings));
    private static readonly Lazy<Task<AnuyatApp>> PostgresApp = new(() => AnuyatApp.StartAsync(Db.Postgres, settings: Settings));

    public static Task<AnuyatApp> Get(Db db) => db == Db.Sqlite ? SqliteApp.Value : PostgresApp.Value;
}

/// <summary>An approved ข.1 (Phra Nakhon public works) with the clients of everyone involved.</summary>
public sealed record ApprovedFile(Guid Id, string Reference, HttpClient Citizen, Anuyat.Infrastructure.Accounts.Account CitizenAccount, HttpClient Officer, HttpClient Approver)
{
    /// <param name="server">For browser tests: call the app's real Kestrel address instead of the in-memory server.</param>
    public static async Task<ApprovedFile> CreateAsync(AnuyatApp app, Uri? server = null)
    {
        var (citizen, citizenAccount) = await ClientAsync(app, server, Role.Citizen, null, null);
        var (officer, _) = await ClientAsync(app, server, Role.Officer, "1001", "public-works");
        var (approver, _) = await ClientAsync(app, server, Role.Approver, "1001", "public-works");
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
        var decided = await approver.PostAsJsonAsync($"/api/v1/applications/{id}/decision", new { outcome = "approved", reasons = "" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("awaiting-payment", (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        return new ApprovedFile(id, reference, citizen, citizenAccount, officer, approver);
    }

    private static async Task<(HttpClient, Anuyat.Infrastructure.Accounts.Account)> ClientAsync(AnuyatApp app, Uri? server, Role role, string? district, string? section)
    {
        if (server is null)
        {
            return await TestAccounts.ApiClientAsync(app, role, district, section);
        }

        var account = await TestAccounts.CreateAsync(app, role, district, section);
        var client = new HttpClient { BaseAddress = server };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TestAccounts.TokenAsync(app, account));
        return (client, account);
    }

    public async Task<JsonElement> InvoiceAsync() => await Citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{Id}/invoice");
}

public static class BankCallbacks
{
    public static string Body(string transactionId, string reference1, string reference2, long amountSatang, DateTimeOffset? sentAt = null, string billerId = PaymentApps.BillerId)
    {
        var now = DateTimeOffset.UtcNow;
        return JsonSerializer.Serialize(new { transactionId, billerId, reference1, reference2, amountSatang, paidAt = now, sentAt = sentAt ?? now });
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, string body, string? secret = PaymentApps.Secret)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/callback") { Content = content };
        if (secret is not null)
        {
            request.Headers.Add(CallbackSignature.HeaderName, CallbackSignature.Sign(secret, bytes));
        }

        return client.SendAsync(request);
    }

    public static string NewTransactionId() => "TX" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant();
}
