using QRCoder;

namespace Anuyat.Infrastructure.Payments;

/// <summary>QR codes for pages, rendered on the server so the page works without JavaScript.</summary>
public static class QrImages
{
    /// <summary>A PNG of the text, error correction M, with the standard 4-module quiet zone (scanners need it).</summary>
    public static byte[] Png(string content, int pixelsPerModule = 8) =>
        PngByteQRCodeHelper.GetQRCode(content, QRCodeGenerator.ECCLevel.M, pixelsPerModule);
}
