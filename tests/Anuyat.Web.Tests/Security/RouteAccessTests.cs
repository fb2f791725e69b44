using System.Net;
using System.Net.Http.Json;
using Anuyat.Domain.Accounts;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Security;

/// <summary>
/// Every route the app serves is listed here with who may call it. A new route without an entry fails the first
/// test, so access is decided on purpose, never by accident. (OWASP ASVS 5.0 V8: authorisation on every route.)
/// </summary>
public sealed class RouteAccessTests
{
    /// <summary>Who may reach a route without being signed in.</summary>
    public enum Access
    {
        /// <summary>Anyone, signed in or not.</summary>
        Public,

        /// <summary>Signed-in people only; an anonymous API call gets 401, an anonymous page visit is sent to sign in.</summary>
        SignedIn,

        /// <summary>Officers, approvers and admins with a second factor (outside Development).</summary>
        Staff,
    }

    /// <summary>The access table: "METHOD route pattern" → access.</summary>
    public static readonly IReadOnlyDictionary<string, Access> Table = new Dictionary<string, Access>(StringComparer.Ordinal)
    {
        ["GET /"] = Access.Public,
        ["GET /error"] = Access.Public,
        ["GET /health"] = Access.Public,
        ["GET /openapi/{documentName}.json"] = Access.Public,
        ["GET /scalar/{documentName?}"] = Access.Public,
        ["GET /scalar/scalar.js"] = Access.Public,
        ["GET /scalar/scalar.aspnetcore.js"] = Access.Public,
        ["GET /scalar/favicon.svg"] = Access.Public,
        ["GET /language/{code}"] = Access.Public,
        ["GET /api/v1/districts"] = Access.Public,
        ["GET /api/v1/sections"] = Access.Public,
        ["GET /api/v1/upload-limits"] = Access.Public,
        ["POST /api/v1/uploads"] = Access.SignedIn,
        ["GET /api/v1/uploads/{id:guid}"] = Access.SignedIn,
        ["GET /account/sign-in"] = Access.Public,
        ["GET /account/register"] = Access.Public,
        ["GET /account/two-factor"] = Access.Public,
        ["GET /account/sign-out"] = Access.Public,
        ["GET /account"] = Access.SignedIn,
        ["GET /account/authenticator"] = Access.SignedIn,
        ["GET /account/passkeys"] = Access.Staff,
        ["GET /account/access-denied"] = Access.Public,
        ["GET /api/v1/me"] = Access.SignedIn,
        ["GET /api/v1/applications"] = Access.SignedIn,
        ["POST /api/v1/applications"] = Access.SignedIn,
        ["GET /api/v1/applications/{id:guid}"] = Access.SignedIn,
        ["PUT /api/v1/applications/{id:guid}/answers"] = Access.SignedIn,
        ["POST /api/v1/applications/{id:guid}/withdraw"] = Access.SignedIn,
        ["GET /api/v1/applications/{id:guid}/receipt"] = Access.SignedIn,
        ["POST /api/v1/applications/{id:guid}/documents"] = Access.SignedIn,
        ["POST /api/v1/applications/{id:guid}/submit"] = Access.SignedIn,
        ["POST /api/v1/applications/{id:guid}/accept"] = Access.SignedIn,
        ["POST /api/v1/applications/{id:guid}/deficiency"] = Access.SignedIn,
        ["POST /api/v1/applications/{id:guid}/recommendation"] = Access.SignedIn,
        ["POST /api/v1/applications/{id:guid}/decision"] = Access.SignedIn,
        ["POST /api/v1/applications/{id:guid}/extension"] = Access.SignedIn,
        ["POST /api/v1/applications/{id:guid}/assign"] = Access.SignedIn,
        ["GET /api/v1/applications/{id:guid}/notes"] = Access.SignedIn,
        ["POST /api/v1/applications/{id:guid}/notes"] = Access.SignedIn,
        ["POST /api/v1/applications/{id:guid}/verified"] = Access.SignedIn,
        ["POST /api/v1/applications/{id:guid}/delay-reason"] = Access.SignedIn,
        ["POST /api/v1/applications/{id:guid}/inspection"] = Access.SignedIn,
        ["POST /api/v1/applications/{id:guid}/inspection/reschedule"] = Access.SignedIn,
        ["POST /api/v1/applications/{id:guid}/inspection/result"] = Access.SignedIn,
        ["POST /api/v1/applications/{id:guid}/inspection/photos"] = Access.SignedIn,
        ["GET /api/v1/applications/{id:guid}/deficiency/pdf"] = Access.SignedIn,
        ["GET /api/v1/applications/{id:guid}/changes"] = Access.SignedIn,
        ["GET /applications"] = Access.SignedIn,
        ["GET /applications/{id:guid}/{handler?}"] = Access.SignedIn,
        ["GET /api/v1/services"] = Access.Public,
        ["GET /api/v1/services/{code}"] = Access.Public,
        ["POST /api/v1/services/{code}/fee-quote"] = Access.Public,
        ["GET /services"] = Access.Public,
        ["GET /services/{code}"] = Access.Public,
        ["GET /services/{code}/apply/{step:int?}"] = Access.SignedIn,
        ["GET /services/{code}/apply/not-for-you"] = Access.Public,
        ["GET /services/{code}/apply/district"] = Access.SignedIn,
        ["GET /drafts/{id:guid}"] = Access.SignedIn,
        ["GET /drafts/{id:guid}/page/{number:int}"] = Access.SignedIn,
        ["GET /drafts/{id:guid}/page/{number:int}/row/{row:int}"] = Access.SignedIn,
        ["GET /drafts/{id:guid}/documents"] = Access.SignedIn,
        ["GET /drafts/{id:guid}/check"] = Access.SignedIn,
        ["GET /drafts/{id:guid}/sent"] = Access.SignedIn,
        ["GET /inbox"] = Access.SignedIn,
        ["GET /admin/catalog/{code}/diff"] = Access.Staff,
        ["GET /office"] = Access.Staff,
        ["GET /office/queue"] = Access.Staff,
        ["GET /office/counter"] = Access.Staff,
        ["GET /office/applications/{id:guid}/{handler?}"] = Access.Staff,
        ["GET /api/v1/applications/{id:guid}/invoice"] = Access.SignedIn,
        ["POST /api/v1/payments/callback"] = Access.Public,
        ["GET /api/v1/permits/{number}"] = Access.Public,
        ["GET /api/v1/permits/{number}/pdf"] = Access.SignedIn,
        ["POST /api/v1/permits/{number}/revocation"] = Access.SignedIn,
        ["GET /applications/{id:guid}/payment/{handler?}"] = Access.SignedIn,
        ["GET /verify/{number}"] = Access.Public,
        ["GET /permits"] = Access.Public,
        ["GET /office/permits/{number}"] = Access.Staff,
        ["GET /dashboard"] = Access.Staff,
        ["GET /dashboard/overdue"] = Access.Staff,
        ["GET /dashboard/map"] = Access.Staff,
        ["GET /api/v1/stats"] = Access.SignedIn,
        ["GET /admin"] = Access.Staff,
        ["GET /admin/people/{handler?}"] = Access.Staff,
        ["GET /admin/people/{id:guid}/{handler?}"] = Access.Staff,
        ["GET /admin/rollout"] = Access.Staff,
        ["GET /admin/calendar/{handler?}"] = Access.Staff,
        ["GET /admin/catalog"] = Access.Staff,
        ["GET /admin/system"] = Access.Staff,
        ["GET /admin/sandbox/{handler?}"] = Access.Staff,
        ["GET /invitation"] = Access.Public,
        ["GET /sandbox/tour"] = Access.SignedIn,
        ["GET /account/sign-in/oidc"] = Access.Public,
        ["GET /account/sign-in/oidc/callback"] = Access.Public,
        ["GET /account/profile"] = Access.SignedIn,
        ["GET /account/my-data"] = Access.SignedIn,
        ["GET /privacy"] = Access.Public,
    };

    [Fact]
    public async Task EveryRoute_HasAnEntryInTheAccessTable()
    {
        var app = await SharedApps.Get(Db.Sqlite);

        var routes = Routes(app);

        var missing = routes.Where(r => !Table.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, "Routes without an access decision: " + string.Join(", ", missing));
        var stale = Table.Keys.Where(k => !routes.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Access table entries for routes that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task EveryNonPublicRoute_RefusesAnAnonymousCaller()
    {
        var app = await SharedApps.Get(Db.Sqlite);
        var client = app.NewClient();
        var refusedWrongly = new List<string>();

        foreach (var (route, access) in Table.Where(e => e.Value != Access.Public))
        {
            var (method, path) = Concrete(route);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            var response = await client.SendAsync(request);
            var ok = path.StartsWith("/api/", StringComparison.Ordinal)
                ? response.StatusCode == HttpStatusCode.Unauthorized
                : response.StatusCode == HttpStatusCode.Redirect && response.LocationPath().StartsWith("/account/sign-in", StringComparison.Ordinal);
            if (!ok)
            {
                refusedWrongly.Add($"{route} → {(int)response.StatusCode}");
            }
        }

        Assert.True(refusedWrongly.Count == 0, "Anonymous callers were not refused: " + string.Join("; ", refusedWrongly));
    }

    [Fact]
    public async Task StaffRoutes_RefuseACitizen()
    {
        var app = await SharedApps.Get(Db.Sqlite);
        var citizen = await TestAccounts.CreateAsync(app);
        var client = app.NewClient();
        await Accounts.SignInTests.SignInAsync(client, citizen.Email!, TestAccounts.Password);

        foreach (var route in Table.Where(e => e.Value == Access.Staff).Select(e => e.Key))
        {
            var (method, path) = Concrete(route);
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.LocationPath().StartsWith("/account/access-denied", StringComparison.Ordinal), $"{route} → {(int)response.StatusCode}");
        }
    }

    /// <summary>
    /// Every route that names one record (an application, draft, upload, permit or account) → what each kind of caller
    /// gets when it names a real record belonging to the citizen "owner" in Phra Nakhon (1001) public works. One letter
    /// per caller, in this order: citizen owner, other citizen, officer of 1001 public works, officer of another
    /// district (1003), officer of 1001 in another section (administration), approver of 1001 public works, admin.
    /// Y = reached the route's own checks (any answer but 401/403/404), N = 404 (the record "does not exist" for
    /// them — never 403 or 200, API.md), F = refused by role before any record is read (403 or the access-denied page).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Ownership = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GET /api/v1/uploads/{id:guid}"] = "YNNNNNN",
        ["GET /api/v1/applications/{id:guid}"] = "YNYNNYN",
        ["PUT /api/v1/applications/{id:guid}/answers"] = "YNNNNNN",
        ["POST /api/v1/applications/{id:guid}/withdraw"] = "YNNNNNN",
        ["GET /api/v1/applications/{id:guid}/receipt"] = "YNYNNYN",
        ["POST /api/v1/applications/{id:guid}/documents"] = "YNNNNNN",
        ["POST /api/v1/applications/{id:guid}/submit"] = "YNNNNNN",
        ["POST /api/v1/applications/{id:guid}/accept"] = "NNYNNYN",
        ["POST /api/v1/applications/{id:guid}/deficiency"] = "NNYNNYN",
        ["POST /api/v1/applications/{id:guid}/recommendation"] = "NNYNNYN",
        ["POST /api/v1/applications/{id:guid}/decision"] = "NNYNNYN",
        ["POST /api/v1/applications/{id:guid}/extension"] = "NNYNNYN",
        ["POST /api/v1/applications/{id:guid}/assign"] = "NNYNNYN",
        ["GET /api/v1/applications/{id:guid}/notes"] = "NNYNNYN",
        ["POST /api/v1/applications/{id:guid}/notes"] = "NNYNNYN",
        ["POST /api/v1/applications/{id:guid}/verified"] = "NNYNNYN",
        ["POST /api/v1/applications/{id:guid}/delay-reason"] = "NNYNNYN",
        ["POST /api/v1/applications/{id:guid}/inspection"] = "NNYNNYN",
        ["POST /api/v1/applications/{id:guid}/inspection/reschedule"] = "YNNNNNN",
        ["POST /api/v1/applications/{id:guid}/inspection/result"] = "NNYNNYN",
        ["POST /api/v1/applications/{id:guid}/inspection/photos"] = "NNYNNYN",
        ["GET /api/v1/applications/{id:guid}/deficiency/pdf"] = "YNYNNYN",
        ["GET /api/v1/applications/{id:guid}/changes"] = "NNYNNYN",
        ["GET /api/v1/applications/{id:guid}/invoice"] = "YNYNNYN",
        ["GET /applications/{id:guid}/{handler?}"] = "YNYNNYN",
        ["GET /applications/{id:guid}/payment/{handler?}"] = "YNYNNYN",
        ["GET /drafts/{id:guid}"] = "YNNNNNN",
        ["GET /drafts/{id:guid}/page/{number:int}"] = "YNNNNNN",
        ["GET /drafts/{id:guid}/page/{number:int}/row/{row:int}"] = "YNNNNNN",
        ["GET /drafts/{id:guid}/documents"] = "YNNNNNN",
        ["GET /drafts/{id:guid}/check"] = "YNNNNNN",
        ["GET /drafts/{id:guid}/sent"] = "YNNNNNN",
        ["GET /office/applications/{id:guid}/{handler?}"] = "FFYNNYN",
        ["GET /api/v1/permits/{number}"] = "YYYYYYY",
        ["GET /api/v1/permits/{number}/pdf"] = "YNYNNYN",
        ["POST /api/v1/permits/{number}/revocation"] = "NNYNNYN",
        ["GET /verify/{number}"] = "YYYYYYY",
        ["GET /office/permits/{number}"] = "FFYNNYN",
        ["GET /admin/people/{id:guid}/{handler?}"] = "FFFFFFY",
    };

    /// <summary>The callers of <see cref="Ownership"/>, in the order of its letters.</summary>
    private static readonly string[] Callers = ["citizen owner", "other citizen", "officer 1001/public-works", "officer 1003", "officer 1001/administration", "approver 1001/public-works", "admin"];

    [Fact]
    public async Task EveryRouteNamingARecord_HasARowInTheOwnershipMatrix()
    {
        var app = await SharedApps.Get(Db.Sqlite);

        var named = Routes(app).Where(r => r.Contains("{id", StringComparison.Ordinal) || r.Contains("{number}", StringComparison.Ordinal)).ToList();

        var missing = named.Where(r => !Ownership.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, "Routes naming a record without a row in the ownership matrix: " + string.Join(", ", missing));
        Assert.All(Ownership, e => Assert.Matches("^[YNF]{7}$", e.Value));
    }

    /// <summary>
    /// The whole matrix with real records: an issued permit (approved, invoiced, paid) and a draft of the same citizen,
    /// one of their uploads and their account, each route called by each of the seven callers. OWASP ASVS 5.0 8.2.1
    /// (function level) and 8.2.2 (data specific: other people's ids → 404).
    /// </summary>
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task EveryRouteNamingARecord_AnswersEachCallerAsTheMatrixSays(Db db)
    {
        var app = await Payments.PaymentApps.Get(db);
        var file = await Payments.ApprovedFile.CreateAsync(app);
        var invoice = await file.InvoiceAsync();
        var paid = await Payments.BankCallbacks.SendAsync(app.NewClient(), Payments.BankCallbacks.Body(
            Payments.BankCallbacks.NewTransactionId(), invoice.GetProperty("reference1").GetString()!, invoice.GetProperty("reference2").GetString()!, invoice.GetProperty("amountSatang").GetInt64()));
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var permit = (await paid.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("permitNumber").GetString()!;
        var draft = await Applications.ApplicationJourneyTests.CreateAsync(file.Citizen, Applications.ApplicationJourneyTests.SmallHouse);
        var uploadForm = new MultipartFormDataContent();
        var pdf = new ByteArrayContent(Documents.Corpus.Pdf());
        pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        uploadForm.Add(pdf, "file", "plan.pdf");
        var uploaded = await file.Citizen.PostAsync("/api/v1/uploads", uploadForm);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var upload = (await uploaded.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var staff = await TestAccounts.CreateAsync(app, Role.Officer, "1001", "public-works"); // the people admin manages staff
        HttpClient[] clients =
        [
            file.Citizen,
            (await TestAccounts.ApiClientAsync(app)).Client,
            file.Officer,
            (await TestAccounts.ApiClientAsync(app, Role.Officer, "1003", "public-works")).Client,
            (await TestAccounts.ApiClientAsync(app, Role.Officer, "1001", "administration")).Client,
            file.Approver,
            (await TestAccounts.ApiClientAsync(app, Role.Admin)).Client,
        ];

        var wrong = new List<string>();
        var seen = new System.Text.StringBuilder();
        foreach (var (route, expected) in Ownership)
        {
            var parts = route.Split(' ', 2);
            var id = parts[1].StartsWith("/drafts/", StringComparison.Ordinal) ? draft
                : parts[1].StartsWith("/api/v1/uploads/", StringComparison.Ordinal) ? upload
                : parts[1].StartsWith("/admin/people/", StringComparison.Ordinal) ? staff.Id
                : file.Id;
            var path = parts[1]
                .Replace("{id:guid}", id.ToString(), StringComparison.Ordinal)
                .Replace("{number}", permit, StringComparison.Ordinal)
                .Replace("{code}", "building-permit-k1", StringComparison.Ordinal)
                .Replace("/{handler?}", string.Empty, StringComparison.Ordinal)
                .Replace("{number:int}/row/", "5/row/", StringComparison.Ordinal) // ข.1's page 5 holds the buildings table
                .Replace("{number:int}", "1", StringComparison.Ordinal)
                .Replace("{row:int}", "0", StringComparison.Ordinal);
            var observed = new char[Callers.Length];
            for (var i = 0; i < Callers.Length; i++)
            {
                using var request = new HttpRequestMessage(new HttpMethod(parts[0]), path);
                if (parts[0] is "POST" or "PUT")
                {
                    // An empty body: enough to pass the access check and be stopped by validation, so nothing changes.
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                var response = await clients[i].SendAsync(request);
                observed[i] = await ClassifyAsync(response);
                if (observed[i] != expected[i])
                {
                    wrong.Add($"{route} as {Callers[i]}: expected {expected[i]}, got {observed[i]} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }

            seen.Append(System.Globalization.CultureInfo.InvariantCulture, $"[\"{route}\"] = \"{new string(observed)}\",\n");
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong) + "\n\nobserved:\n" + seen);
    }

    private static async Task<char> ClassifyAsync(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        if (response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/access-denied", StringComparison.Ordinal)))
        {
            return 'F';
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            // A 404 about something inside a record the caller may see (no deficiency record yet) is past the access check.
            var body = await response.Content.ReadAsStringAsync();
            return body.Contains("\"no-deficiency-record\"", StringComparison.Ordinal) ? 'Y' : 'N';
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized || (int)response.StatusCode >= 500 || location.Contains("/account/sign-in", StringComparison.Ordinal))
        {
            return 'E';
        }

        return 'Y';
    }

    private static HashSet<string> Routes(AnuyatApp app)
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var routes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            if (pattern.EndsWith("/index", StringComparison.OrdinalIgnoreCase) || pattern.StartsWith("/_", StringComparison.Ordinal))
            {
                continue; // Razor Pages also register "/Index"-style aliases of the same page.
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m != "HEAD"))
            {
                routes.Add($"{method} {pattern.TrimEnd('/') switch { "" => "/", var p => p }}");
            }
        }

        return routes;
    }

    private static (string Method, string Path) Concrete(string route)
    {
        var parts = route.Split(' ', 2);
        var path = parts[1]
            .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{code}", "x", StringComparison.Ordinal)
            .Replace("{number}", "x", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{step:int?}", "0", StringComparison.Ordinal)
            .Replace("{number:int}", "1", StringComparison.Ordinal)
            .Replace("{row:int}", "0", StringComparison.Ordinal);
        return (parts[0], path);
    }
}
