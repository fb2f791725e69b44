using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Anuyat.Domain.Accounts;
using Anuyat.Web.Tests.Admin;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Anuyat.Web.Tests.Accounts;

/// <summary>
/// Passkeys for staff over HTTP, with a software authenticator written here (EC P-256 key, attestation "none", the
/// WebAuthn byte layouts built by hand): an officer signed in with password + code adds a passkey, then signs in with
/// it alone and reaches staff pages (amr=mfa); a wrong signature or an unknown key is refused. ASVS 5.0 6.5.x, 6.3.3.
/// </summary>
public sealed class PasskeyTests
{
    private const string Origin = "https://localhost";

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Officer_AddsAPasskey_ThenSignsInWithItAlone_AndReachesStaffPages(Db db)
    {
        var app = await SharedApps.Get(db);
        var (officer, account) = await AdminClients.EnrolledStaffClientAsync(app, Role.Officer, "1001", "public-works");
        using var authenticator = new SoftwareAuthenticator();

        var added = await AddPasskeyAsync(officer, authenticator, "โน้ตบุ๊กที่สำนักงาน");
        var list = await officer.GetStringAsync("/account/passkeys");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("โน้ตบุ๊กที่สำนักงาน", list, StringComparison.Ordinal);
        Assert.Contains(WebEncoders.Base64UrlEncode(authenticator.CredentialId), list, StringComparison.Ordinal);

        var fresh = app.NewClient();
        var signedIn = await SignInWithPasskeyAsync(fresh, authenticator);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/office", signedIn.LocationPath());
        var office = await fresh.GetAsync("/office");
        Assert.Equal(HttpStatusCode.OK, office.StatusCode);
        var me = JsonDocument.Parse(await fresh.GetStringAsync("/api/v1/me")).RootElement;
        Assert.Equal(account.Id, me.GetProperty("accountId").GetGuid());
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task PasskeySignIn_WrongSignatureOrUnknownKey_IsRefused(Db db)
    {
        var app = await SharedApps.Get(db);
        var (officer, _) = await AdminClients.EnrolledStaffClientAsync(app, Role.Officer, "1001", "public-works");
        using var authenticator = new SoftwareAuthenticator();
        Assert.Equal(HttpStatusCode.Redirect, (await AddPasskeyAsync(officer, authenticator, "key")).StatusCode);
        using var stranger = new SoftwareAuthenticator { UserHandle = authenticator.UserHandle };
        using var forger = new SoftwareAuthenticator { UserHandle = authenticator.UserHandle, CredentialId = authenticator.CredentialId };

        var unknown = await SignInWithPasskeyAsync(app.NewClient(), stranger);
        var forged = await SignInWithPasskeyAsync(app.NewClient(), forger);

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("เข้าสู่ระบบด้วยพาสคีย์ไม่สำเร็จ", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("เข้าสู่ระบบด้วยพาสคีย์ไม่สำเร็จ", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task PasskeyPage_Citizen_IsRefused()
    {
        var app = await SharedApps.Get(Db.Sqlite);
        var citizen = await TestAccounts.CreateAsync(app);
        var client = app.NewClient();
        await SignInTests.SignInAsync(client, citizen.Email!, TestAccounts.Password);

        var response = await client.GetAsync("/account/passkeys");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.LocationPath(), StringComparison.Ordinal);
    }

    public static async Task<HttpResponseMessage> AddPasskeyAsync(HttpClient client, SoftwareAuthenticator authenticator, string name)
    {
        var page = await client.GetPageAsync("/account/passkeys");
        var token = Token(page);
        var options = await PostAsync(client, "/account/passkeys?handler=Options", new() { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        var json = JsonDocument.Parse(await options.Content.ReadAsStringAsync()).RootElement;
        authenticator.UserHandle = WebEncoders.Base64UrlDecode(json.GetProperty("user").GetProperty("id").GetString()!);
        var credential = authenticator.Create(json.GetProperty("rp").GetProperty("id").GetString()!, json.GetProperty("challenge").GetString()!, Origin);
        return await PostAsync(client, "/account/passkeys?handler=Register", new() { ["__RequestVerificationToken"] = token, ["credential"] = credential, ["name"] = name });
    }

    public static async Task<HttpResponseMessage> SignInWithPasskeyAsync(HttpClient client, SoftwareAuthenticator authenticator)
    {
        var page = await client.GetPageAsync("/account/sign-in?returnUrl=%2Foffice");
        var token = Token(page);
        var options = await PostAsync(client, "/account/sign-in?handler=PasskeyOptions", new() { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        var json = JsonDocument.Parse(await options.Content.ReadAsStringAsync()).RootElement;
        var rpId = json.TryGetProperty("rpId", out var rp) ? rp.GetString()! : "localhost";
        var credential = authenticator.Get(rpId, json.GetProperty("challenge").GetString()!, Origin);
        return await PostAsync(client, "/account/sign-in?handler=Passkey", new() { ["__RequestVerificationToken"] = token, ["credential"] = credential, ["returnUrl"] = "/office" });
    }

    private static string Token(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("form[data-passkey-create] input[name=__RequestVerificationToken], form[data-passkey-get] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Origin", Origin);
        return client.SendAsync(request);
    }
}

/// <summary>
/// What a platform authenticator does, in software: an EC P-256 key pair, "none" attestation, user presence and
/// verification flags set, a signature counter. Builds the JSON the browser's <c>PublicKeyCredential.toJSON()</c> gives.
/// </summary>
public sealed class SoftwareAuthenticator : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private uint _counter;

    public byte[] CredentialId { get; init; } = RandomNumberGenerator.GetBytes(32);

    public byte[] UserHandle { get; set; } = [];

    public void Dispose() => _key.Dispose();

    public string Create(string rpId, string challenge, string origin)
    {
        var clientData = ClientData("webauthn.create", challenge, origin);
        var p = _key.ExportParameters(false);
        var cose = new Cbor().Map(5).Int(1).Int(2).Int(3).Int(-7).Int(-1).Int(1).Int(-2).Bytes(p.Q.X!).Int(-3).Bytes(p.Q.Y!).ToArray();
        var authData = new List<byte>(AuthData(rpId, flags: 0x45)); // UP | UV | AT
        authData.AddRange(new byte[16]); // AAGUID: none
        authData.Add((byte)(CredentialId.Length >> 8));
        authData.Add((byte)CredentialId.Length);
        authData.AddRange(CredentialId);
        authData.AddRange(cose);
        var attestation = new Cbor().Map(3).Text("fmt").Text("none").Text("attStmt").Map(0).Text("authData").Bytes([.. authData]).ToArray();
        return JsonSerializer.Serialize(new
        {
            id = WebEncoders.Base64UrlEncode(CredentialId),
            rawId = WebEncoders.Base64UrlEncode(CredentialId),
            type = "public-key",
            response = new
            {
                clientDataJSON = WebEncoders.Base64UrlEncode(clientData),
                attestationObject = WebEncoders.Base64UrlEncode(attestation),
                transports = new[] { "internal" },
            },
            clientExtensionResults = new { },
            authenticatorAttachment = "platform",
        });
    }

    public string Get(string rpId, string challenge, string origin)
    {
        var clientData = ClientData("webauthn.get", challenge, origin);
        var authData = AuthData(rpId, flags: 0x05); // UP | UV
        var signature = _key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return JsonSerializer.Serialize(new
        {
            id = WebEncoders.Base64UrlEncode(CredentialId),
            rawId = WebEncoders.Base64UrlEncode(CredentialId),
            type = "public-key",
            response = new
            {
                clientDataJSON = WebEncoders.Base64UrlEncode(clientData),
                authenticatorData = WebEncoders.Base64UrlEncode(authData),
                signature = WebEncoders.Base64UrlEncode(signature),
                userHandle = WebEncoders.Base64UrlEncode(UserHandle),
            },
            clientExtensionResults = new { },
            authenticatorAttachment = "platform",
        });
    }

    private static byte[] ClientData(string type, string challenge, string origin) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type, challenge, origin, crossOrigin = false }));

    private byte[] AuthData(string rpId, byte flags)
    {
        var data = new byte[37];
        SHA256.HashData(Encoding.UTF8.GetBytes(rpId)).CopyTo(data, 0);
        data[32] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(33), ++_counter);
        return data;
    }

    /// <summary>Just enough CBOR (RFC 8949) for attestation objects and COSE keys.</summary>
    private sealed class Cbor
    {
        private readonly List<byte> _bytes = [];

        public Cbor Map(int entries) => Head(5, (ulong)entries);

        public Cbor Int(long value) => value >= 0 ? Head(0, (ulong)value) : Head(1, (ulong)(-1 - value));

        public Cbor Bytes(byte[] value)
        {
            Head(2, (ulong)value.Length);
            _bytes.AddRange(value);
            return this;
        }

        public Cbor Text(string value)
        {
            var utf8 = Encoding.UTF8.GetBytes(value);
            Head(3, (ulong)utf8.Length);
            _bytes.AddRange(utf8);
            return this;
        }

        public byte[] ToArray() => [.. _bytes];

        private Cbor Head(int major, ulong value)
        {
            var m = (byte)(major << 5);
            if (value < 24)
            {
                _bytes.Add((byte)(m | (byte)value));
            }
            else if (value < 256)
            {
                _bytes.Add((byte)(m | 24));
                _bytes.Add((byte)value);
            }
            else
            {
                _bytes.Add((byte)(m | 25));
                _bytes.Add((byte)(value >> 8));
                _bytes.Add((byte)value);
            }

            return this;
        }
    }
}
