using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Anuyat.Infrastructure.Audit;

/// <summary>
/// The canonical encoding of an audit entry, version 1. The hash is SHA-256 over these bytes:
/// <code>
/// "anuyat-audit-v1"                    domain separation: a hash of something else can never pass as an entry
/// then each field, in this order, as   4-byte big-endian length + its UTF-8 bytes
///                                      (a null field is the length 0xFFFFFFFF and no bytes):
///   format version   decimal, "1"
///   sequence         decimal, invariant culture
///   occurredAt       UTC "yyyy-MM-ddTHH:mm:ss.ffffffZ" (microseconds: what PostgreSQL keeps)
///   actorId, actorRole, action, subjectType, subjectId, districtCode, sectionCode,
///   summaryTh, summaryEn, details (the exact stored JSON text), previousHash (lower-case hex)
/// </code>
/// Length prefixes make the encoding unambiguous (no field can borrow bytes from the next). A future version adds a
/// new branch here and keeps this one, so old entries still verify.
/// </summary>
public static class AuditHashing
{
    public const int CurrentVersion = 1;

    public static readonly string GenesisHash = new('0', 64);

    private static readonly byte[] DomainV1 = Encoding.ASCII.GetBytes("anuyat-audit-v1");

    public static string Compute(AuditEvent e)
    {
        if (e.FormatVersion != 1)
        {
            throw new NotSupportedException($"Audit entry {e.Sequence}: unknown format version {e.FormatVersion}.");
        }

        using var buffer = new MemoryStream();
        buffer.Write(DomainV1);
        Field(buffer, e.FormatVersion.ToString(CultureInfo.InvariantCulture));
        Field(buffer, e.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(buffer, e.OccurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Field(buffer, e.ActorId);
        Field(buffer, e.ActorRole);
        Field(buffer, e.Action);
        Field(buffer, e.SubjectType);
        Field(buffer, e.SubjectId);
        Field(buffer, e.DistrictCode);
        Field(buffer, e.SectionCode);
        Field(buffer, e.SummaryTh);
        Field(buffer, e.SummaryEn);
        Field(buffer, e.Details);
        Field(buffer, e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>Instants keep whole microseconds only, so the value read back from any engine hashes the same.</summary>
    public static DateTime TruncateToMicroseconds(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    private static void Field(MemoryStream buffer, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteUInt32BigEndian(length, uint.MaxValue);
            buffer.Write(length);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
