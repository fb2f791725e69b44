using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Web.Tests.Accounts;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Admin;

/// <summary>A browser-like client signed in as staff with the second factor proved (the admin policy needs it outside Development).</summary>
public static class AdminClients
{
    public static async Task<(HttpClient Client, Account Account, string Key)> StaffClientAsync(AnuyatApp app, Role role = Role.Admin, string? district = null, string? section = null)
    {
        var account = await TestAccounts.CreateAsync(app, role, district, section);
        var client = app.NewClient();
        await SignInTests.SignInAsync(client, account.Email!, TestAccounts.Password);
        var setup = await client.GetPageAsync("/account/authenticator");
        var key = setup.QuerySelector("#authenticator-key")!.TextContent;
        var enrolled = await client.SubmitAsync(setup, new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        if (enrolled.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("second factor enrolment failed: " + (int)enrolled.StatusCode);
        }

        return (client, account, key);
    }

    /// <summary>
    /// Staff whose authenticator is already enrolled (key set through Identity), signed in with password and code on
    /// the two-factor page. Used where the app checks the security stamp on every request.
    /// </summary>
    public static async Task<(HttpClient Client, Account Account)> EnrolledStaffClientAsync(AnuyatApp app, Role role, string? district, string? section)
    {
        var account = await TestAccounts.CreateAsync(app, role, district, section);
        var key = await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Account>>();
            var a = (await users.FindByIdAsync(account.Id.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(a);
            await users.SetTwoFactorEnabledAsync(a, true);
            return (await users.GetAuthenticatorKeyAsync(a))!;
        });
        var client = app.NewClient();
        var signIn = await SignInTests.SignInAsync(client, account.Email!, TestAccounts.Password);
        var codePage = await client.GetPageAsync(signIn.LocationPath());
        var done = await client.SubmitAsync(codePage, new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        return done.StatusCode == System.Net.HttpStatusCode.Redirect ? (client, account) : throw new InvalidOperationException("two-factor sign-in failed: " + (int)done.StatusCode);
    }

    /// <summary>The text of the error beside a field (the <c>_Field</c>/<c>_AdminSelect</c> markup), or null.</summary>
    public static string? FieldError(AngleSharp.Html.Dom.IHtmlDocument page, string field) =>
        page.QuerySelector($"#{field}-error")?.TextContent.Trim();
}
