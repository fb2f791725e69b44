using System.Globalization;
using Anuyat.Domain.Common;

namespace Anuyat.Infrastructure.Documents;

/// <summary>
/// What an upload may be, from configuration section <c>Uploads</c>, so pages can state the limits before the citizen
/// picks a file (OWASP ASVS 5.0 5.1.1: documented types and maximum size).
/// </summary>
public sealed class UploadLimits
{
    public const string Section = "Uploads";

    /// <summary>Largest accepted file in bytes. 20 MB fits a scanned A3 building plan as PDF.</summary>
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>The sentence a page shows above the file input.</summary>
    public BilingualText Describe()
    {
        var megabytes = (MaxBytes / (1024d * 1024d)).ToString("0.#", CultureInfo.InvariantCulture);
        return new BilingualText(
            $"ไฟล์ PDF, JPEG หรือ PNG ขนาดไม่เกิน {megabytes} MB",
            $"PDF, JPEG or PNG files, up to {megabytes} MB each");
    }
}
