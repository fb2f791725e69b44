using SkiaSharp;

namespace Anuyat.Infrastructure.Documents;

/// <summary>
/// Re-encodes a photo or scan from its pixels, so nothing but the picture survives: EXIF (GPS position, camera
/// serial, owner's name), XMP, comments and any bytes smuggled after the image are dropped (PDPA data minimisation;
/// OWASP file upload: rewrite images). The EXIF orientation is applied first, so the picture still stands upright.
/// </summary>
public static class ImageSanitiser
{
    private const int JpegQuality = 90;

    /// <summary>The re-encoded bytes, or null when the image cannot be decoded (the caller refuses it).</summary>
    public static byte[]? Reencode(ReadOnlySpan<byte> content, DocumentKind kind)
    {
        if (kind is not (DocumentKind.Jpeg or DocumentKind.Png))
        {
            return null;
        }

        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return null;
        }

        using var upright = Orient(decoded, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright);
        using var encoded = kind == DocumentKind.Jpeg
            ? image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality)
            : image.Encode(SKEncodedImageFormat.Png, 100);
        return encoded?.ToArray();
    }

    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return source.Copy();
        }

        // The mirrored quarter turns (EXIF 5 and 7) do not occur in phone photos; they keep their stored layout.
        if (origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightBottom)
        {
            return source.Copy();
        }

        var swap = origin is SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        using var canvas = new SKCanvas(result);
        var (w, h) = (result.Width, result.Height);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight:
                canvas.Translate(w, 0);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.BottomRight:
                canvas.Translate(w, h);
                canvas.RotateDegrees(180);
                break;
            case SKEncodedOrigin.BottomLeft:
                canvas.Translate(0, h);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.RightTop:
                canvas.Translate(w, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.LeftBottom:
                canvas.Translate(0, h);
                canvas.RotateDegrees(270);
                break;
            default:
                break;
        }

        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        return result;
    }
}
