using System.Security.Cryptography;
using Anuyat.Domain.Permits;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Applications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Permits;

/// <summary>
/// The page a permit's QR code opens: valid, revoked or expired, and only what the permit itself shows. Anyone may
/// upload a PDF to learn whether it is byte for byte the file that was issued (SHA-256 compare).
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(MaxUploadBytes + 64 * 1024)]
public sealed class VerifyModel(AnuyatDbContext db, IServiceDirectory directory, TimeProvider clock) : PageModel
{
    public const int MaxUploadBytes = 20 * 1024 * 1024;

    public string Number { get; private set; } = string.Empty;

    public Permit? Permit { get; private set; }

    public PermitStanding Standing { get; private set; }

    public string ServiceName { get; private set; } = string.Empty;

    public string Office { get; private set; } = string.Empty;

    /// <summary>Null until a file was checked.</summary>
    public bool? FileVerdict { get; private set; }

    public async Task OnGetAsync(string number, CancellationToken ct) => await LoadAsync(number, ct);

    public async Task<IActionResult> OnPostAsync(string number, IFormFile? file, CancellationToken ct)
    {
        await LoadAsync(number, ct);
        if (Permit is null || file is null || file.Length is 0 or > MaxUploadBytes)
        {
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        FileVerdict = CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(hash), System.Text.Encoding.ASCII.GetBytes(Permit.Sha256));
        return Page();
    }

    private async Task LoadAsync(string number, CancellationToken ct)
    {
        Number = PermitNumbers.Normalise(number);
        Permit = await db.Permits.AsNoTracking().FirstOrDefaultAsync(p => p.Number == Number, ct);
        if (Permit is null)
        {
            return;
        }

        Standing = Permit.StandingOn(ApplicationsApi.BangkokToday(clock));
        var permit = Permit;
        var version = await db.Applications.AsNoTracking().Where(a => a.Id == permit.ApplicationId).Select(a => a.ServiceVersion).FirstAsync(ct);
        var output = directory.Output(Permit.ServiceCode, version);
        ServiceName = output is not null ? T(output.Name.Th, output.Name.En) : Permit.ServiceCode;
        var district = await db.Districts.AsNoTracking().FirstAsync(d => d.Code == Permit.DistrictCode, ct);
        Office = T($"สำนักงานเขต{district.NameTh}", $"{district.NameEn} District Office");
    }
}
