using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Anuyat.Web.Tests.Security;

/// <summary>The development OIDC provider speaks the protocol: discovery, PKCE enforced, one-time codes, RS256 tokens checked against its JWKS.</summary>
public sealed class DevIdentityProviderTests
{
    private const string Redirect = "https://localhost/signin-oidc";

    [Fact]
    public async Task CodeFlow_WithPkce_IssuesAVerifiableIdTokenWithThaiDClaims_AndRefusesWrongVerifierAndReplay()
    {
        await using var app = await AnuyatApp.StartAsync(Db.Sqlite, "Development", new Dictionary<string, string?> { ["Demo:Seed"] = "false" });
        var client = app.NewClient();

        var discovery = await client.GetFromJsonAsync<JsonElement>("/dev-idp/.well-known/openid-configuration");
        Assert.Equal("https://localhost/dev-idp", discovery.GetProperty("issuer").GetString());
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        var jwks = new JsonWebKeySet(await client.GetStringAsync("/dev-idp/jwks"));

        // Without PKCE the request is refused outright.
        var noPkce = await client.GetAsync($"/dev-idp/authorize?response_type=code&client_id=anuyat-dev&redirect_uri={Uri.EscapeDataString(Redirect)}&scope=openid");
        Assert.Equal(HttpStatusCode.BadRequest, noPkce.StatusCode);

        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

        var wrongVerifier = await TokenAsync(client, await CodeAsync(client, challenge), Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)));
        Assert.Equal(HttpStatusCode.BadRequest, wrongVerifier.StatusCode);

        var code = await CodeAsync(client, challenge);
        var ok = await TokenAsync(client, code, verifier);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var tokens = await ok.Content.ReadFromJsonAsync<JsonElement>();
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(tokens.GetProperty("id_token").GetString(), new TokenValidationParameters
        {
            ValidIssuer = "https://localhost/dev-idp",
            ValidAudience = "anuyat-dev",
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = ["RS256"],
        });
        Assert.True(validated.IsValid, validated.Exception?.Message);
        Assert.Equal(("3101200145678", "สมศรี", "รักไทย", "n-1"), ((string)validated.Claims["pid"], (string)validated.Claims["given_name"], (string)validated.Claims["family_name"], (string)validated.Claims["nonce"]));

        var replay = await TokenAsync(client, code, verifier);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);

        using var userinfo = new HttpRequestMessage(HttpMethod.Get, "/dev-idp/userinfo");
        userinfo.Headers.Authorization = new("Bearer", tokens.GetProperty("access_token").GetString());
        var claims = await (await client.SendAsync(userinfo)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("เขตวัฒนา", claims.GetProperty("address").GetProperty("district").GetString());
    }

    [Fact]
    public async Task DevProvider_OutsideDevelopment_IsNotMapped()
    {
        var app = await SharedApps.Get(Db.Sqlite);

        var response = await app.NewClient().GetAsync("/dev-idp/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<string> CodeAsync(HttpClient client, string challenge)
    {
        var query = $"response_type=code&client_id=anuyat-dev&redirect_uri={Uri.EscapeDataString(Redirect)}&scope={Uri.EscapeDataString("openid pid given_name family_name birthdate address")}&state=s-1&nonce=n-1&code_challenge={challenge}&code_challenge_method=S256";
        var page = await client.GetPageAsync("/dev-idp/authorize?" + query);
        var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["person"] = "dev-somsri" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(Redirect + "?code=", location, StringComparison.Ordinal);
        Assert.EndsWith("&state=s-1", location, StringComparison.Ordinal);
        return location[(Redirect.Length + 6)..location.IndexOf('&', StringComparison.Ordinal)];
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string code, string verifier) =>
        client.PostAsync("/dev-idp/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = Redirect,
            ["client_id"] = "anuyat-dev",
            ["client_secret"] = "dev-secret-not-for-production",
            ["code_verifier"] = verifier,
        }));
}
