using System.IO.Compression;
using System.Text;
using SkiaSharp;

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

    /// <summary>A real, decodable JPEG (16 × 8 pixels); optionally with a comment segment and an EXIF block holding a GPS position.</summary>
    public static byte[] Jpeg(string? comment = null, bool withGps = false)
    {
        var image = Picture(SKEncodedImageFormat.Jpeg);
        var extra = new List<byte>();
        if (withGps)
        {
            extra.AddRange(ExifWithGps());
        }

        if (comment is not null)
        {
            var text = Encoding.ASCII.GetBytes(comment);
            extra.AddRange(new byte[] { 0xFF, 0xFE, (byte)((text.Length + 2) >> 8), (byte)(text.Length + 2) });
            extra.AddRange(text);
        }

        return [.. image[..2], .. extra, .. image[2..]];
    }

    /// <summary>A real, decodable PNG (16 × 8 pixels); optionally with a tEXt chunk after the header.</summary>
    public static byte[] Png(string? text = null)
    {
        var image = Picture(SKEncodedImageFormat.Png);
        if (text is null)
        {
            return image;
        }

        var data = Encoding.ASCII.GetBytes("comment\0" + text);
        var type = "tEXt"u8.ToArray();
        var length = new[] { (byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length };
        var crc = Crc32([.. type, .. data]);
        byte[] chunk = [.. length, .. type, .. data, (byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc];
        const int afterHeader = 8 + 25;
        return [.. image[..afterHeader], .. chunk, .. image[afterHeader..]];
    }

    /// <summary>The latitude written into <see cref="ExifWithGps"/>: 13° 45′ N (Bangkok), as its TIFF rational bytes.</summary>
    public static readonly byte[] GpsLatitudeBytes = [13, 0, 0, 0, 1, 0, 0, 0, 45, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0];

    /// <summary>An APP1 EXIF segment: IFD0 with a GPS pointer, and a GPS IFD with latitude ref "N" and 13° 45′ 0″.</summary>
    private static byte[] ExifWithGps()
    {
        var tiff = new List<byte>();
        tiff.AddRange("II*\0"u8.ToArray());
        tiff.AddRange(new byte[] { 8, 0, 0, 0 });                       // IFD0 at 8
        tiff.AddRange(new byte[] { 1, 0 });                             // one entry
        tiff.AddRange(new byte[] { 0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0 }); // GPSInfo (LONG) → 26
        tiff.AddRange(new byte[] { 0, 0, 0, 0 });                       // no next IFD
        tiff.AddRange(new byte[] { 2, 0 });                             // GPS IFD at 26: two entries
        tiff.AddRange(new byte[] { 1, 0, 2, 0, 2, 0, 0, 0, (byte)'N', 0, 0, 0 });   // GPSLatitudeRef "N"
        tiff.AddRange(new byte[] { 2, 0, 5, 0, 3, 0, 0, 0, 56, 0, 0, 0 });          // GPSLatitude, 3 RATIONAL at 56
        tiff.AddRange(new byte[] { 0, 0, 0, 0 });
        tiff.AddRange(GpsLatitudeBytes);
        byte[] payload = [.. "Exif\0\0"u8.ToArray(), .. tiff];
        var size = payload.Length + 2;
        return [0xFF, 0xE1, (byte)(size >> 8), (byte)size, .. payload];
    }

    private static byte[] Picture(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(16, 8);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x1d, 0x70, 0xb8));
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawRect(0, 0, 8, 8, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
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
