using System.Net;
using AngleSharp.Html.Dom;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Web.Tests.Infrastructure;

namespace Anuyat.Web.Tests.Security;

/// <summary>Response headers (ASVS 5.0 V3.4), anti-forgery on every page form (V3.5), and the OIDC claim mapping.</summary>
public sealed class HardeningTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    [InlineData("/services")]
    [InlineData("/api/v1/districts")]
    public async Task AnyResponse_CarriesTheSecurityHeaders(string path)
    {
        var app = await SharedApps.Get(Db.Sqlite);

        var response = await app.NewClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task OutsideDevelopment_HttpsResponses_CarryHsts()
    {
        var app = await SharedApps.Get(Db.Sqlite);

        var response = await app.NewClient(https: true).GetAsync("/");

        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPageForm_PostedWithoutItsAntiforgeryToken_Is400()
    {
        var app = await SharedApps.Get(Db.Sqlite);
        var citizen = await TestAccounts.CreateAsync(app);
        var anonymous = app.NewClient();
        var signedIn = app.NewClient();
        await Accounts.SignInTests.SignInAsync(signedIn, citizen.Email!, TestAccounts.Password);

        var pages = RouteAccessTests.Table
            .Where(e => e.Key.StartsWith("GET /", StringComparison.Ordinal) && !e.Key.Contains("/api/", StringComparison.Ordinal) && !e.Key.Contains('{', StringComparison.Ordinal) && e.Value != RouteAccessTests.Access.Staff)
            .ToList();
        var checkedForms = new List<string>();
        var accepted = new List<string>();
        foreach (var (route, access) in pages)
        {
            var client = access == RouteAccessTests.Access.Public ? anonymous : signedIn;
            var path = route[4..];
            var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = await response.ReadPageAsync();
            foreach (var form in page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)))
            {
                Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
                var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? path : form.GetAttribute("action")!;
                var fields = form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>()
                    .Where(i => i.Name != "__RequestVerificationToken")
                    .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value ?? string.Empty));
                var post = await client.PostAsync(action, new FormUrlEncodedContent(fields));
                checkedForms.Add($"{path} → {action}");
                if (post.StatusCode != HttpStatusCode.BadRequest)
                {
                    accepted.Add($"{path} → {action}: {(int)post.StatusCode}");
                }
            }
        }

        Assert.True(accepted.Count == 0, "Forms accepted without an anti-forgery token: " + string.Join("; ", accepted));
        Assert.Contains(checkedForms, f => f.StartsWith("/account/sign-in →", StringComparison.Ordinal));
        Assert.Contains(checkedForms, f => f.StartsWith("/account/profile →", StringComparison.Ordinal));
        Assert.Contains(checkedForms, f => f.EndsWith("→ /account/sign-out", StringComparison.Ordinal));
        Assert.True(checkedForms.Count >= 6, string.Join("; ", checkedForms));
    }

    /// <summary>
    /// The same check for staff: every officer, approver and admin page (including a real case file and permit) is
    /// opened by a cookie-signed-in member of staff who proved their second factor, and each of its POST forms is sent
    /// without its anti-forgery token. OWASP ASVS 5.0 3.5.1.
    /// </summary>
    [Fact]
    public async Task EveryStaffPageForm_PostedWithoutItsAntiforgeryToken_Is400()
    {
        var app = await Payments.PaymentApps.Get(Db.Sqlite);
        var file = await Payments.ApprovedFile.CreateAsync(app);
        var (officer, _) = await Admin.AdminClients.EnrolledStaffClientAsync(app, Anuyat.Domain.Accounts.Role.Officer, "1001", "public-works");
        var (approver, _) = await Admin.AdminClients.EnrolledStaffClientAsync(app, Anuyat.Domain.Accounts.Role.Approver, "1001", "public-works");
        var (admin, _) = await Admin.AdminClients.EnrolledStaffClientAsync(app, Anuyat.Domain.Accounts.Role.Admin, null, null);
        var person = await TestAccounts.CreateAsync(app, Anuyat.Domain.Accounts.Role.Officer, "1001", "public-works");
        var staffPages = RouteAccessTests.Table
            .Where(e => e.Value == RouteAccessTests.Access.Staff && e.Key.StartsWith("GET /", StringComparison.Ordinal))
            .Select(e => e.Key[4..]
                .Replace("/{handler?}", string.Empty, StringComparison.Ordinal)
                .Replace("{id:guid}", e.Key.Contains("/admin/people/", StringComparison.Ordinal) ? person.Id.ToString() : file.Id.ToString(), StringComparison.Ordinal)
                .Replace("{code}", "building-permit-k1", StringComparison.Ordinal))
            .Where(p => !p.Contains('{', StringComparison.Ordinal))
            .ToList();
        var checkedForms = new List<string>();
        var accepted = new List<string>();

        foreach (var client in new[] { officer, approver, admin })
        {
            foreach (var path in staffPages)
            {
                var response = await client.GetAsync(path);
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                await PostFormsWithoutTokenAsync(client, path, await response.ReadPageAsync(), checkedForms, accepted);
            }
        }

        Assert.True(accepted.Count == 0, "Staff forms accepted without an anti-forgery token: " + string.Join("; ", accepted));
        Assert.Contains(checkedForms, f => f.StartsWith($"/office/applications/{file.Id} →", StringComparison.Ordinal));
        Assert.Contains(checkedForms, f => f.StartsWith("/admin/people →", StringComparison.Ordinal));
        Assert.Contains(checkedForms, f => f.StartsWith($"/admin/people/{person.Id} →", StringComparison.Ordinal));
        Assert.Contains(checkedForms, f => f.StartsWith("/office/counter →", StringComparison.Ordinal));
        Assert.True(checkedForms.Count >= 10, string.Join("; ", checkedForms));
    }

    private static async Task PostFormsWithoutTokenAsync(HttpClient client, string path, IHtmlDocument page, List<string> checkedForms, List<string> accepted)
    {
        foreach (var form in page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)))
        {
            var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? path : form.GetAttribute("action")!;
            if (form.QuerySelector("input[name=__RequestVerificationToken]") is null)
            {
                accepted.Add($"{path} → {action}: the form carries no anti-forgery token");
                continue;
            }

            var fields = form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>()
                .Where(i => i.Name != "__RequestVerificationToken")
                .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value ?? string.Empty));
            var post = await client.PostAsync(action, new FormUrlEncodedContent(fields));
            checkedForms.Add($"{path} → {action}");
            if (post.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add($"{path} → {action}: {(int)post.StatusCode}");
            }
        }
    }

    [Fact]
    public void ProfileClaims_ThaiDLikeClaims_FillTheProfile()
    {
        var claims = new Dictionary<string, string>
        {
            ["pid"] = "3101200145678",
            ["given_name"] = "สมศรี",
            ["family_name"] = "รักไทย",
            ["birthdate"] = "2522-08-12",
            ["address"] = """{"house_no":"45/7","soi":"สุขุมวิท 31","road":"สุขุมวิท","subdistrict":"คลองตันเหนือ","district":"เขตวัฒนา","postal_code":"10110"}""",
        };

        var result = ProfileClaims.Read(n => claims.GetValueOrDefault(n), new ProfileClaimNames(), "thaid");

        Assert.True(result.IsSuccess);
        var p = result.Value.Profile;
        Assert.Equal(("3101200145678", "สมศรี", "รักไทย", new DateOnly(1979, 8, 12)), (p.NationalId, p.FirstName, p.LastName, p.BirthDate));
        Assert.Equal(("45/7", "สุขุมวิท 31", "สุขุมวิท", "คลองตันเหนือ", "10110", "thaid"), (p.HouseNo, p.Soi, p.Road, p.Subdistrict, p.Postcode, p.Source));
        Assert.Equal("เขตวัฒนา", result.Value.DistrictName);
    }

    [Theory]
    [InlineData("3101200145679")]
    [InlineData("310120014567")]
    [InlineData(null)]
    public void ProfileClaims_PidFailingItsCheck_RefusesTheSignIn(string? pid)
    {
        var result = ProfileClaims.Read(n => n == "pid" ? pid : "x", new ProfileClaimNames(), "thaid");

        Assert.Equal("oidc-pid-invalid", result.Error?.Code);
    }

    [Fact]
    public void ProfileClaims_ClaimNamesFromConfiguration_AreUsed()
    {
        var names = new ProfileClaimNames { NationalId = "citizen_id", FirstName = "th_fname" };
        var claims = new Dictionary<string, string> { ["citizen_id"] = "1100500876549", ["th_fname"] = "ประเสริฐ" };

        var result = ProfileClaims.Read(n => claims.GetValueOrDefault(n), names, "thaid");

        Assert.Equal(("1100500876549", "ประเสริฐ"), (result.Value.Profile.NationalId, result.Value.Profile.FirstName));
    }
}
