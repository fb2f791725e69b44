using Anuyat.Domain.Common;

namespace Anuyat.Infrastructure.Documents;

/// <summary>Why an upload was refused. Each becomes the problem code <c>upload-…</c> in the API.</summary>
public enum UploadRefusalReason
{
    Empty,
    TooLarge,
    WrongType,
    EncryptedPdf,
    ActiveContent,
    Polyglot,
    Malware,
    ScannerUnavailable,
}

/// <summary>An upload the rules refuse, with the reason in Thai and English. Nothing is stored for it.</summary>
public sealed record UploadRefused(UploadRefusalReason Reason, BilingualText Message, string? Detail = null)
    : DomainError(CodeOf(Reason), Message)
{
    public static string CodeOf(UploadRefusalReason reason) => reason switch
    {
        UploadRefusalReason.Empty => "upload-empty",
        UploadRefusalReason.TooLarge => "upload-too-large",
        UploadRefusalReason.WrongType => "upload-wrong-type",
        UploadRefusalReason.EncryptedPdf => "upload-encrypted-pdf",
        UploadRefusalReason.ActiveContent => "upload-active-content",
        UploadRefusalReason.Polyglot => "upload-polyglot",
        UploadRefusalReason.Malware => "upload-malware",
        UploadRefusalReason.ScannerUnavailable => "upload-scanner-unavailable",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
