using System.IO.Compression;
using System.Text;
using Anuyat.Domain.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Anuyat.Infrastructure.Documents;

/// <summary>The kinds of file the service accepts: what the district offices can open and print.</summary>
public enum DocumentKind
{
    Pdf,
    Jpeg,
    Png,
}

/// <summary>
/// An upload that passed inspection: its kind (from its bytes, never its name), the bytes themselves, and what the
/// virus scanner said (<see cref="ScanState.Pending"/> when it could not answer: stored, but nobody may open it yet).
/// </summary>
public sealed record InspectedUpload(DocumentKind Kind, ReadOnlyMemory<byte> Content, ScanState Scan = ScanState.NotScanned)
{
    public string ContentType => UploadInspector.ContentTypeOf(Kind);

    public long Bytes => Content.Length;
}

/// <summary>
/// Decides whether uploaded bytes may be stored (OWASP File Upload Cheat Sheet; OWASP ASVS 5.0 V5): the type comes
/// from magic bytes, never the file name or the client's Content-Type; empty and oversized files are refused; PDFs that
/// are encrypted (cannot be inspected) or carry active content are refused; files that are two formats at once
/// (polyglots) are refused; the EICAR test file is refused even without a scanner; a configured ClamAV scanner is
/// consulted: a virus is refused; when it cannot answer the upload is kept as "pending scan", which nobody may open
/// until a later scan says it is clean (fail closed, ASVS 16.5.3; <see cref="PendingScans"/>). The checks themselves are
/// pure (<see cref="Check"/>); only reading the stream and the scanner are I/O.
/// </summary>
public sealed partial class UploadInspector(IOptions<UploadLimits> limits, ILogger<UploadInspector> logger, IMalwareScanner? scanner = null)
{
    /// <summary>How far into a file a PDF reader looks for the header; a header there but not at 0 is a disguise.</summary>
    private const int PdfHeaderWindow = 1024;

    /// <summary>A ZIP's end-of-central-directory record lies within its last 65,557 bytes (22 + a 65,535-byte comment).</summary>
    private const int ZipTailWindow = 65_557;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] ZipEndOfDirectory = [0x50, 0x4B, 0x05, 0x06];

    // The standard antivirus test file, kept reversed so this source file is not itself flagged by a scanner.
    private static readonly byte[] Eicar = Encoding.ASCII.GetBytes(
        new string("*H+H$!ELIF-TSET-SURIVITNA-DRADNATS-RACIE$}7)CC7)^P(45XZP\\4[PA@%P!O5X".Reverse().ToArray()));

    // At least six bytes each, so binary data matches one by chance about once in 10^6 files (an SVG's danger is its
    // <script>, found anyway).
    private static readonly string[] MarkupTags = ["<script", "<html", "<!doctype html", "<iframe", "<?php", "<object", "<embed"];

    /// <summary>PDF names that make a document act rather than display (VirusTotal pdf_info; pompelmi pdf-actions).</summary>
    private static readonly HashSet<string> ActivePdfNames = new(StringComparer.Ordinal)
    {
        "JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "AA", "RichMedia", "XFA", "SubmitForm", "ImportData", "GoToE",
    };

    public static string ContentTypeOf(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => "application/pdf",
        DocumentKind.Jpeg => "image/jpeg",
        DocumentKind.Png => "image/png",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public UploadLimits Limits => limits.Value;

    /// <summary>
    /// Reads at most the size cap (plus one byte, to tell "too large"), then checks the bytes. A caller passes the
    /// user's file name only for the log line; it decides nothing.
    /// </summary>
    public async Task<Result<InspectedUpload>> InspectAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var max = limits.Value.MaxBytes;
        if (content.CanSeek)
        {
            // A buffered form file knows its length: one array of the exact size, not a growing stream and a copy
            // (each 200 KB upload made three large-object-heap arrays, which bring on full collections; bench, issue 11).
            var remaining = content.Length - content.Position;
            if (remaining > max)
            {
                return Refuse(Refusal(UploadRefusalReason.TooLarge, null, max));
            }

            var exact = new byte[remaining];
            await content.ReadExactlyAsync(exact, cancellationToken);
            return await InspectBytesAsync(exact, max, cancellationToken);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return Refuse(Refusal(UploadRefusalReason.TooLarge, null, max));
            }

            buffer.Write(chunk, 0, read);
        }

        return await InspectBytesAsync(buffer.ToArray(), max, cancellationToken);
    }

    private async Task<Result<InspectedUpload>> InspectBytesAsync(byte[] bytes, long max, CancellationToken cancellationToken)
    {
        var checkedKind = Check(bytes, max);
        if (!checkedKind.IsSuccess)
        {
            return Refuse((UploadRefused)checkedKind.Error!);
        }

        var scan = ScanState.NotScanned;
        if (scanner is not null)
        {
            var verdict = await scanner.ScanAsync(bytes, cancellationToken);
            scan = verdict.Outcome switch
            {
                ScanOutcome.Infected => ScanState.Infected,
                ScanOutcome.Unavailable => ScanState.Pending,
                ScanOutcome.Clean => ScanState.Clean,
                _ => throw new InvalidOperationException($"Unknown scan outcome {verdict.Outcome}."),
            };
            if (scan == ScanState.Infected)
            {
                return Refuse(Refusal(UploadRefusalReason.Malware, verdict.Signature, max));
            }
        }

        if (checkedKind.Value is DocumentKind.Jpeg or DocumentKind.Png)
        {
            // What is stored is the re-encoded picture, never the upload's own bytes (metadata stripped).
            var clean = ImageSanitiser.Reencode(bytes, checkedKind.Value);
            if (clean is null)
            {
                return Refuse(Refusal(UploadRefusalReason.WrongType, "image does not decode", max));
            }

            return new InspectedUpload(checkedKind.Value, clean, scan);
        }

        return new InspectedUpload(checkedKind.Value, bytes, scan);
    }

    /// <summary>The pure checks, in order of cost. Returns the kind, or the first reason to refuse.</summary>
    public static Result<DocumentKind> Check(ReadOnlyMemory<byte> content, long maxBytes)
    {
        var span = content.Span;
        if (span.IsEmpty)
        {
            return Refusal(UploadRefusalReason.Empty, null, maxBytes);
        }

        if (span.Length > maxBytes)
        {
            return Refusal(UploadRefusalReason.TooLarge, null, maxBytes);
        }

        if (span.IndexOf(Eicar) >= 0)
        {
            return Refusal(UploadRefusalReason.Malware, "EICAR test file", maxBytes);
        }

        DocumentKind kind;
        if (span.StartsWith(PdfMagic))
        {
            kind = DocumentKind.Pdf;
        }
        else if (span.StartsWith(PngMagic))
        {
            kind = DocumentKind.Png;
        }
        else if (span.StartsWith(JpegMagic))
        {
            kind = DocumentKind.Jpeg;
        }
        else
        {
            // A PDF header after other bytes (an HTML page with a PDF behind it) is a disguise, not a PDF.
            return span[..Math.Min(span.Length, PdfHeaderWindow)].IndexOf(PdfMagic) >= 0
                ? Refusal(UploadRefusalReason.Polyglot, "PDF header not at the start", maxBytes)
                : Refusal(UploadRefusalReason.WrongType, null, maxBytes);
        }

        if (kind != DocumentKind.Pdf && span[..Math.Min(span.Length, PdfHeaderWindow)].IndexOf(PdfMagic) >= 0)
        {
            return Refusal(UploadRefusalReason.Polyglot, "PDF header inside an image", maxBytes);
        }

        var markup = FindMarkup(span);
        if (markup is not null)
        {
            return Refusal(UploadRefusalReason.Polyglot, markup, maxBytes);
        }

        if (span[Math.Max(0, span.Length - ZipTailWindow)..].IndexOf(ZipEndOfDirectory) >= 0)
        {
            return Refusal(UploadRefusalReason.Polyglot, "ZIP directory", maxBytes);
        }

        if (kind == DocumentKind.Pdf)
        {
            var pdfProblem = CheckPdf(content, maxBytes);
            if (pdfProblem is not null)
            {
                return pdfProblem;
            }
        }

        return kind;
    }

    private static string? FindMarkup(ReadOnlySpan<byte> span)
    {
        foreach (var tag in MarkupTags)
        {
            if (IndexOfIgnoreCase(span, tag) >= 0)
            {
                return tag + ">";
            }
        }

        return null;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> span, string asciiLower)
    {
        // Search for the first byte in both cases, then compare the rest case-insensitively: cheap on binary data.
        var first = (byte)asciiLower[0];
        var offset = 0;
        while (offset < span.Length)
        {
            var found = span[offset..].IndexOf(first);
            if (found < 0)
            {
                return -1;
            }

            var at = offset + found;
            if (at + asciiLower.Length > span.Length)
            {
                return -1;
            }

            var match = true;
            for (var i = 1; i < asciiLower.Length; i++)
            {
                var b = span[at + i];
                if (b is >= (byte)'A' and <= (byte)'Z')
                {
                    b = (byte)(b + 32);
                }

                if (b != asciiLower[i])
                {
                    match = false;
                    break;
                }
            }

            if (match)
            {
                return at;
            }

            offset = at + 1;
        }

        return -1;
    }

    /// <summary>
    /// Looks at every PDF name in the file's dictionaries — outside stream data, and inside compressed object streams
    /// (<c>/ObjStm</c>, where names hide from a plain scan) — decoding <c>#xx</c> escapes so <c>/J#61vaScript</c> is
    /// still JavaScript. Image and page streams are not searched: their binary data would match <c>/JS</c> by chance
    /// about once per 20 MB. Decompression is capped so a PDF bomb costs bounded memory.
    /// </summary>
    private static UploadRefused? CheckPdf(ReadOnlyMemory<byte> content, long maxBytes)
    {
        var span = content.Span;
        var streams = Streams(span);
        string? found = null;
        var outside = 0;
        foreach (var stream in streams)
        {
            found ??= FindActiveName(span[outside..stream.DataStart]);

            // Stream data is searched too, because a crafted file can fake a "stream" keyword around a real dictionary;
            // there a name counts only right after a "<<", which random binary data almost never has.
            found ??= FindActiveName(span.Slice(stream.DataStart, stream.DataLength), insideDictionaryOnly: true);
            outside = stream.DataStart + stream.DataLength;
        }

        found ??= FindActiveName(span[outside..]);

        var budget = Math.Max(maxBytes * 4, 16L * 1024 * 1024);
        foreach (var stream in streams)
        {
            if (found is not null)
            {
                break;
            }

            if (!stream.IsObjectStream || stream.DataLength < 2 || span[stream.DataStart] != 0x78)
            {
                continue;
            }

            byte[] inflated;
            try
            {
                inflated = Inflate(content.Slice(stream.DataStart, stream.DataLength), budget);
            }
            catch (InvalidDataException)
            {
                continue; // Not Flate after all, or damaged: nothing readable to hide a name in.
            }
            catch (InsufficientMemoryException)
            {
                return Refusal(UploadRefusalReason.TooLarge, "decompresses beyond the limit", maxBytes);
            }

            budget -= inflated.Length;
            found = FindActiveName(inflated);
        }

        return found switch
        {
            null => null,
            "Encrypt" => Refusal(UploadRefusalReason.EncryptedPdf, "/Encrypt", maxBytes),
            _ => Refusal(UploadRefusalReason.ActiveContent, "/" + found, maxBytes),
        };
    }

    /// <summary>Every <c>stream … endstream</c> body, and whether its dictionary says it is an object stream.</summary>
    private static List<(int DataStart, int DataLength, bool IsObjectStream)> Streams(ReadOnlySpan<byte> span)
    {
        var streams = new List<(int DataStart, int DataLength, bool IsObjectStream)>();
        var offset = 0;
        var previousEnd = 0;
        while (offset < span.Length)
        {
            var keyword = span[offset..].IndexOf("stream"u8);
            if (keyword < 0)
            {
                break;
            }

            var at = offset + keyword;
            offset = at + 6;
            if (at > 2 && span[(at - 3)..at].SequenceEqual("end"u8))
            {
                continue;
            }

            var start = offset;
            if (start < span.Length && span[start] == (byte)'\r')
            {
                start++;
            }

            if (start < span.Length && span[start] == (byte)'\n')
            {
                start++;
            }

            var end = span[start..].IndexOf("endstream"u8);
            if (end < 0)
            {
                // No end: treat the rest as stream data so its bytes are not read as dictionaries.
                streams.Add((start, span.Length - start, false));
                break;
            }

            var dictionary = span[Math.Max(previousEnd, at - 4096)..at];
            streams.Add((start, end, HasName(dictionary, "ObjStm")));
            offset = start + end + 9;
            previousEnd = offset;
        }

        return streams;
    }

    private static bool HasName(ReadOnlySpan<byte> span, string wanted)
    {
        foreach (var (name, _) in Names(span))
        {
            if (name == wanted)
            {
                return true;
            }
        }

        return false;
    }

    private static string? FindActiveName(ReadOnlySpan<byte> span, bool insideDictionaryOnly = false)
    {
        foreach (var (name, at) in Names(span))
        {
            if ((name == "Encrypt" || ActivePdfNames.Contains(name)) &&
                (!insideDictionaryOnly || span[Math.Max(0, at - 64)..at].IndexOf("<<"u8) >= 0))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>The PDF names in some bytes, with <c>#xx</c> escapes decoded.</summary>
    private static List<(string Name, int At)> Names(ReadOnlySpan<byte> span)
    {
        var names = new List<(string Name, int At)>();
        var name = new StringBuilder();
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] != (byte)'/')
            {
                continue;
            }

            name.Clear();
            var j = i + 1;
            while (j < span.Length && name.Length <= 32 && IsRegular(span[j]))
            {
                if (span[j] == (byte)'#' && j + 2 < span.Length && IsHex(span[j + 1]) && IsHex(span[j + 2]))
                {
                    name.Append((char)((HexValue(span[j + 1]) << 4) | HexValue(span[j + 2])));
                    j += 3;
                }
                else
                {
                    name.Append((char)span[j]);
                    j++;
                }
            }

            names.Add((name.ToString(), i));
            i = j - 1;
        }

        return names;
    }

    private static byte[] Inflate(ReadOnlyMemory<byte> compressed, long budget)
    {
        using var input = new MemoryStream(compressed.ToArray());
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[16384];
        int read;
        while ((read = zlib.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, read);
            if (output.Length > budget)
            {
                throw new InsufficientMemoryException("PDF stream decompresses beyond the inspection budget.");
            }
        }

        return output.ToArray();
    }

    private static bool IsRegular(byte b) =>
        b > 0x20 && b < 0x7F && b is not ((byte)'/' or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'%');

    private static bool IsHex(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F');

    private static int HexValue(byte b) => b <= (byte)'9' ? b - '0' : (b | 0x20) - 'a' + 10;

    /// <summary>The refusal for a reason, with its message; also used where the web server stops a body over the limit.</summary>
    public static UploadRefused Refusal(UploadRefusalReason reason, string? detail, long maxBytes)
    {
        var megabytes = (maxBytes / (1024d * 1024d)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        var message = reason switch
        {
            UploadRefusalReason.Empty => new BilingualText("ไฟล์ว่างเปล่า โปรดเลือกไฟล์ที่มีเนื้อหา", "The file is empty; choose a file with content"),
            UploadRefusalReason.TooLarge => new BilingualText($"ไฟล์ใหญ่เกิน {megabytes} MB", $"The file is larger than {megabytes} MB"),
            UploadRefusalReason.WrongType => new BilingualText("รับเฉพาะไฟล์ PDF, JPEG หรือ PNG (ตรวจจากเนื้อไฟล์ ไม่ใช่ชื่อไฟล์)", "Only PDF, JPEG or PNG files are accepted (judged by the file's content, not its name)"),
            UploadRefusalReason.EncryptedPdf => new BilingualText("ไฟล์ PDF ถูกเข้ารหัสหรือตั้งรหัสผ่านไว้ โปรดบันทึกเป็นไฟล์ที่ไม่มีรหัสผ่าน", "The PDF is encrypted or password-protected; save a copy without a password"),
            UploadRefusalReason.ActiveContent => new BilingualText("ไฟล์ PDF มีสคริปต์ ไฟล์แนบ หรือคำสั่งอัตโนมัติ โปรดพิมพ์เป็น PDF ใหม่แล้วส่งอีกครั้ง", "The PDF contains scripts, attachments or automatic actions; print it to a new PDF and upload that"),
            UploadRefusalReason.Polyglot => new BilingualText("ไฟล์มีเนื้อหาของไฟล์ประเภทอื่นปนอยู่ จึงรับไม่ได้", "The file also contains another kind of file, so it cannot be accepted"),
            UploadRefusalReason.Malware => new BilingualText("ตรวจพบมัลแวร์ในไฟล์ ไฟล์นี้ไม่ถูกบันทึก", "Malware was found in the file; it has not been stored"),
            UploadRefusalReason.ScannerUnavailable => new BilingualText("ระบบตรวจไวรัสไม่พร้อมใช้งานชั่วคราว โปรดลองใหม่ภายหลัง", "The virus check is unavailable at the moment; please try again later"),
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
        };
        return new UploadRefused(reason, message, detail);
    }

    private Result<InspectedUpload> Refuse(UploadRefused refusal)
    {
        LogRefused(logger, refusal.Code, refusal.Detail ?? string.Empty);
        return refusal;
    }

    [LoggerMessage(EventId = 9002, EventName = "UploadRefused", Level = LogLevel.Warning,
        Message = "SECURITY: upload refused: {Code} {Detail}")]
    private static partial void LogRefused(ILogger logger, string code, string detail);
}
