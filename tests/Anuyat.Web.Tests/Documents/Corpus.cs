using System.IO.Compression;
using System.Text;

namespace Anuyat.Web.Tests.Documents;

/// <summary>
/// The upload attack corpus, generated in code so no hostile file is ever committed (RELIABILITY.md A2): good files of
/// each kind, and the files the inspector must refuse.
/// </summary>
public static class Corpus
{
    /// <summary>The EICAR antivirus test string, assembled at run time so the test source itself is not flagged.</summary>
    public static byte[] Eicar => Encoding.ASCII.GetBytes(string.Concat(
        "X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-", "ANTIVIRUS-TEST-", "FILE!$H+H*"));

    /// <summary>A small well-formed PDF; <paramref name="catalogExtra"/> goes into the catalog, <paramref name="trailerExtra"/> into the trailer.</summary>
    public static byte[] Pdf(string catalogExtra = "", string trailerExtra = "", byte[]? extraObject = null)
    {
        using var pdf = new MemoryStream();
        void Write(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        Write("%PDF-1.7\n%\u00e2\u00e3\n");
        Write($"1 0 obj\n<< /Type /Catalog /Pages 2 0 R {catalogExtra} >>\nendobj\n");
        Write("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        Write("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n");
        if (extraObject is not null)
        {
            pdf.Write(extraObject);
        }

        Write($"trailer\n<< /Root 1 0 R /Size 4 {trailerExtra} >>\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>An object stream whose compressed content is <paramref name="content"/>: where names hide from a plain scan.</summary>
    public static byte[] FlateObject(string content) => FlateObject(Encoding.ASCII.GetBytes(content));

    public static byte[] FlateObject(byte[] content)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(content);
        }

        using var obj = new MemoryStream();
        obj.Write(Encoding.ASCII.GetBytes($"4 0 obj\n<< /Type /ObjStm /N 1 /First 0 /Filter /FlateDecode /Length {compressed.Length} >>\nstream\n"));
        obj.Write(compressed.ToArray());
        obj.Write("\nendstream\nendobj\n"u8);
        return obj.ToArray();
    }

    public static byte[] Jpeg(string? comment = null)
    {
        var bytes = new List<byte> { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10 };
        bytes.AddRange("JFIF\0"u8.ToArray());
        bytes.AddRange(new byte[] { 1, 1, 0, 0, 1, 0, 1, 0, 0 });
        if (comment is not null)
        {
            var text = Encoding.ASCII.GetBytes(comment);
            bytes.AddRange(new byte[] { 0xFF, 0xFE, (byte)((text.Length + 2) >> 8), (byte)(text.Length + 2) });
            bytes.AddRange(text);
        }

        bytes.AddRange(Enumerable.Range(0, 200).Select(i => (byte)(i * 7)));
        bytes.AddRange(new byte[] { 0xFF, 0xD9 });
        return bytes.ToArray();
    }

    public static byte[] Png(string? text = null)
    {
        var bytes = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };
        bytes.AddRange("IHDR"u8.ToArray());
        bytes.AddRange(new byte[] { 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89 });
        if (text is not null)
        {
            var chunk = Encoding.ASCII.GetBytes("comment\0" + text);
            bytes.AddRange(new byte[] { 0, 0, 0, (byte)chunk.Length });
            bytes.AddRange("tEXt"u8.ToArray());
            bytes.AddRange(chunk);
            bytes.AddRange(new byte[] { 0, 0, 0, 0 });
        }

        bytes.AddRange(new byte[] { 0, 0, 0, 0 });
        bytes.AddRange("IEND"u8.ToArray());
        bytes.AddRange(new byte[] { 0xAE, 0x42, 0x60, 0x82 });
        return bytes.ToArray();
    }

    /// <summary>A Windows executable's first bytes.</summary>
    public static byte[] Exe() => [.. "MZ\u0090\0"u8.ToArray(), .. new byte[200], .. "This program cannot be run in DOS mode."u8.ToArray()];

    public static byte[] Html() => "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray();

    /// <summary>A ZIP of 20 MB of zeros: a small file that unpacks large.</summary>
    public static byte[] ZipBomb()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("plan.pdf", CompressionLevel.SmallestSize).Open();
            entry.Write(new byte[20 * 1024 * 1024]);
        }

        return zip.ToArray();
    }

    /// <summary>A valid PDF with a ZIP appended: a PDF reader and a ZIP reader both open it.</summary>
    public static byte[] PdfZipPolyglot() => [.. Pdf(), .. ZipBomb()];
}
