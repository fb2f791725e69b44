using System.Globalization;

namespace Anuyat.Infrastructure.Audit;

/// <summary>
/// The exported form of a checkpoint, after the C2SP signed-note / tlog-checkpoint layout:
/// <code>
/// anuyat-audit                     origin
/// 42                               number of entries (= sequence of the last one)
/// 9f86d0…                          hash of entry 42 (lower-case hex)
/// 2026-11-25T23:10:00Z             when it was signed
///                                  blank line
/// — anuyat-audit BASE64            base64 of key id (4 bytes) + Ed25519 signature (64 bytes) over the text above the blank line
/// </code>
/// </summary>
public sealed record CheckpointNote(long Sequence, string Hash, DateTime SignedAt)
{
    public string Body => string.Create(CultureInfo.InvariantCulture, $"{AuditSigningKey.KeyName}\n{Sequence}\n{Hash}\n{SignedAt:yyyy-MM-dd'T'HH:mm:ss'Z'}\n");

    public string Sign(AuditSigningKey key)
    {
        var blob = key.KeyId.Concat(key.Sign(Body)).ToArray();
        return $"{Body}\n\u2014 {AuditSigningKey.KeyName} {Convert.ToBase64String(blob)}\n";
    }

    /// <summary>Reads a signed note and checks its signature against the public key; null when malformed or badly signed.</summary>
    public static CheckpointNote? ParseAndVerify(string note, byte[] publicKey)
    {
        var split = note.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return null;
        }

        var body = note[..(split + 1)];
        var lines = body.TrimEnd('\n').Split('\n');
        var signatureLine = note[(split + 2)..].Trim();
        var prefix = $"\u2014 {AuditSigningKey.KeyName} ";
        if (lines.Length != 4 || lines[0] != AuditSigningKey.KeyName || !signatureLine.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(signatureLine[prefix.Length..]);
        }
        catch (FormatException)
        {
            return null;
        }

        if (blob.Length != 68 || !blob[..4].AsSpan().SequenceEqual(AuditSigningKey.ComputeKeyId(publicKey)) || !AuditSigningKey.Verify(publicKey, body, blob[4..]))
        {
            return null;
        }

        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || !DateTime.TryParseExact(lines[3], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return null;
        }

        return new CheckpointNote(sequence, lines[2], signedAt);
    }
}
