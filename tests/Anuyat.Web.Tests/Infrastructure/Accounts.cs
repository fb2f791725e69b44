using System.Net.Http.Headers;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Infrastructure;

/// <summary>Makes accounts and API clients for tests, each with a fresh e-mail address.</summary>
public static class TestAccounts
{
    public const string Password = "a-long-test-password";

    public static string NewEmail(string prefix = "person") => $"{prefix}-{Guid.NewGuid():N}@test.anuyat";

    public static async Task<Account> CreateAsync(AnuyatApp app, Role role = Role.Citizen, string? district = null, string? section = null, string? email = null) =>
        await app.WithScopeAsync(async services =>
        {
            var result = await services.GetRequiredService<AccountProvisioning>().EnsureAsync(email ?? NewEmail(role.ToCode()), role, district, section, Password);
            return result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error!.Message.En);
        });

    public static async Task<string> TokenAsync(AnuyatApp app, Account account) =>
        await app.WithScopeAsync(async services => (await services.GetRequiredService<ApiTokenService>().CreateAsync(account.Id, "test")).PlainText);

    /// <summary>An API client authenticated as a new account of the role.</summary>
    public static async Task<(HttpClient Client, Account Account)> ApiClientAsync(AnuyatApp app, Role role = Role.Citizen, string? district = null, string? section = null)
    {
        var account = await CreateAsync(app, role, district, section);
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(app, account));
        return (client, account);
    }
}
