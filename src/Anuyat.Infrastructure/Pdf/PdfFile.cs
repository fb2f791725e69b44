using System.Security.Cryptography;

namespace Anuyat.Infrastructure.Pdf;

/// <summary>A rendered PDF and the SHA-256 of exactly these bytes (lower-case hex), recorded so a copy can be verified.</summary>
public sealed record PdfFile(byte[] Bytes, string Sha256, int PageCount)
{
    public static PdfFile From(byte[] bytes, int pageCount)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new PdfFile(bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), pageCount);
    }
}
