using System.Security.Cryptography;
using System.Text;

namespace Anuyat.Infrastructure.Payments;

/// <summary>
/// The bank's callback signature (API.md): <c>X-Signature: sha256=&lt;hex of HMAC-SHA256(secret, raw body)&gt;</c>.
/// The comparison is constant-time so the answer's timing says nothing about how much of a guess was right.
/// </summary>
public static class CallbackSignature
{
    public const string HeaderName = "X-Signature";
    private const string Prefix = "sha256=";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool IsValid(string? secret, ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrEmpty(secret) || header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(Prefix.Length).Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
