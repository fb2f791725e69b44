using System.Security.Cryptography;
using System.Text;
using Anuyat.Infrastructure.Platform;
using NSec.Cryptography;

namespace Anuyat.Infrastructure.Audit;

/// <summary>
/// The Ed25519 key that signs audit checkpoints. It lives in the data directory's <c>keys</c> folder, never in the
/// database, so someone who can rewrite the database still cannot forge a checkpoint. Made on first use.
/// The public half is written beside it (<c>audit-ed25519.pub</c>) for auditors.
/// </summary>
public sealed class AuditSigningKey : IDisposable
{
    public const string KeyName = "anuyat-audit";
    public const string PrivateKeyFile = "audit-ed25519.key";
    public const string PublicKeyFile = "audit-ed25519.pub";

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    private readonly Key _key;

    private AuditSigningKey(Key key)
    {
        _key = key;
        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        KeyId = ComputeKeyId(PublicKey);
    }

    public byte[] PublicKey { get; }

    /// <summary>First four bytes of SHA-256(name, newline, 0x01, public key), as in the C2SP signed-note format.</summary>
    public byte[] KeyId { get; }

    /// <summary>The public key when this server has a signing key; null before the first checkpoint.</summary>
    public static byte[]? TryReadPublicKey(DataDirectory data)
    {
        if (!File.Exists(Path.Combine(data.Keys, PrivateKeyFile)))
        {
            return null;
        }

        using var key = LoadOrCreate(data);
        return key.PublicKey;
    }

    public static AuditSigningKey LoadOrCreate(DataDirectory data)
    {
        var path = Path.Combine(data.Keys, PrivateKeyFile);
        var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        Key key;
        if (File.Exists(path))
        {
            var raw = Convert.FromBase64String(File.ReadAllText(path).Trim());
            key = Key.Import(Algorithm, raw, KeyBlobFormat.RawPrivateKey, parameters);
        }
        else
        {
            key = Key.Create(Algorithm, parameters);
            var raw = key.Export(KeyBlobFormat.RawPrivateKey);
            File.WriteAllText(path, Convert.ToBase64String(raw) + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        var signingKey = new AuditSigningKey(key);
        File.WriteAllText(Path.Combine(data.Keys, PublicKeyFile), $"{KeyName} ed25519 {Convert.ToBase64String(signingKey.PublicKey)}\n");
        return signingKey;
    }

    public byte[] Sign(string text) => Algorithm.Sign(_key, Encoding.UTF8.GetBytes(text));

    public static bool Verify(byte[] publicKey, string text, byte[] signature)
    {
        if (!NSec.Cryptography.PublicKey.TryImport(Algorithm, publicKey, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            return false;
        }

        return Algorithm.Verify(key, Encoding.UTF8.GetBytes(text), signature);
    }

    public static byte[] ComputeKeyId(byte[] publicKey)
    {
        var input = Encoding.UTF8.GetBytes(KeyName + "\n").Concat(new byte[] { 0x01 }).Concat(publicKey).ToArray();
        return SHA256.HashData(input)[..4];
    }

    public void Dispose() => _key.Dispose();
}
