using System.Diagnostics;
using System.Text;

namespace Anuyat.Web.Tests.Pdf;

/// <summary>
/// The Debian tools that read a PDF back the way a reader or scanner would: pdftotext and pdftoppm
/// (poppler-utils), zbarimg (zbar-tools). A missing tool fails the test with the package to install.
/// </summary>
internal static class PdfTools
{
    public static string Text(byte[] pdf, int? page = null)
    {
        var path = WriteTemp(pdf, ".pdf");
        try
        {
            var pages = page is { } p ? $"-f {p} -l {p} " : string.Empty;
            return Run("pdftotext", "poppler-utils", $"-enc UTF-8 -layout {pages}\"{path}\" -");
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static string Info(byte[] pdf)
    {
        var path = WriteTemp(pdf, ".pdf");
        try
        {
            return Run("pdfinfo", "poppler-utils", $"-isodates \"{path}\"");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Rasterises one page to a PNG file and returns its path (the caller deletes or keeps it).</summary>
    public static string PagePng(byte[] pdf, int page, int dpi, string outputPngPath)
    {
        var path = WriteTemp(pdf, ".pdf");
        try
        {
            var prefix = outputPngPath[..^".png".Length];
            Run("pdftoppm", "poppler-utils", $"-r {dpi} -png -f {page} -l {page} -singlefile \"{path}\" \"{prefix}\"");
            return outputPngPath;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The QR payloads zbarimg finds in the image, without the "QR-Code:" prefix.</summary>
    public static IReadOnlyList<string> DecodeQr(string pngPath)
    {
        var output = Run("zbarimg", "zbar-tools", $"--quiet --raw -Sdisable -Sqrcode.enable \"{pngPath}\"");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Leaves a copy in the temp directory so a person can open or zoom into it after the run.</summary>
    public static void KeepForInspection(string name, byte[] pdf) =>
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), $"anuyat-pdf-{name}.pdf"), pdf);

    public static string WriteTemp(byte[] bytes, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"anuyat-pdf-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Run(string tool, string package, string arguments)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed; run: apt-get install -y {package}", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} {arguments} exited with {process.ExitCode}: {stderr}");
            }

            return stdout.GetAwaiter().GetResult();
        }
    }
}
