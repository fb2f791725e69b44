using System.Security.Cryptography;
using Anuyat.Infrastructure.Platform;
using Microsoft.IdentityModel.Tokens;

namespace Anuyat.Web.Features.DevIdp;

/// <summary>
/// The development provider's RS256 signing key, kept as PEM under the data directory (<c>dev-idp/signing-key.pem</c>)
/// so ID tokens stay verifiable across restarts. Created on first use.
/// </summary>
public sealed class DevIdpKeys : IDisposable
{
    private readonly RSA _rsa;

    public DevIdpKeys(DataDirectory data)
    {
        var folder = Directory.CreateDirectory(Path.Combine(data.Root, "dev-idp")).FullName;
        var file = Path.Combine(folder, "signing-key.pem");
        _rsa = RSA.Create();
        if (File.Exists(file))
        {
            _rsa.ImportFromPem(File.ReadAllText(file));
        }
        else
        {
            _rsa.KeySize = 2048;
            File.WriteAllText(file, _rsa.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        var parameters = _rsa.ExportParameters(false);
        KeyId = Base64UrlEncoder.Encode(SHA256.HashData([.. parameters.Modulus!, .. parameters.Exponent!]))[..16];
        Key = new RsaSecurityKey(_rsa) { KeyId = KeyId };
        Credentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256);
    }

    public string KeyId { get; }

    public RsaSecurityKey Key { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>The public half as a JSON Web Key (RFC 7517) for the JWKS document.</summary>
    public object PublicJwk()
    {
        var p = _rsa.ExportParameters(false);
        return new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) };
    }

    public void Dispose() => _rsa.Dispose();
}
