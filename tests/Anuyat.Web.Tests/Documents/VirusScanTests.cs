using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Anuyat.Domain.Accounts;
using Anuyat.Infrastructure.Documents;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Anuyat.Web.Tests.Documents;

/// <summary>
/// ClamAV for real (clamd from Debian, started by scripts/test.sh or by <see cref="TestClamd"/>), fail-closed:
/// a virus is refused and audited; while clamd does not answer a file is "pending scan" and nobody may open it; the
/// background retry then serves it when clean or quarantines it when infected. The app reaches clamd through a relay
/// the test can switch off (<see cref="SwitchableClamd"/>).
/// </summary>
public sealed class VirusScanTests
{
    private static readonly Dictionary<Db, Lazy<Task<(AnuyatApp App, SwitchableClamd Clamd)>>> Apps = new()
    {
        [Db.Sqlite] = new(() => StartAsync(Db.Sqlite)),
        [Db.Postgres] = new(() => StartAsync(Db.Postgres)),
    };

    [Fact]
    public async Task ClamAvScanner_RealClamd_EicarIsInfected_AMarkedPdfIsInfected_APlainPdfIsClean()
    {
        var scanner = new ClamAvScanner(new ClamAvOptions { Host = TestClamd.Host, Port = TestClamd.Port }, NullLogger<ClamAvScanner>.Instance);

        var eicar = await scanner.ScanAsync(Corpus.Eicar);
        var marked = await scanner.ScanAsync(MarkedPdf());
        var plain = await scanner.ScanAsync(Corpus.Pdf($"/Title ({Guid.NewGuid():N})"));

        Assert.Equal(ScanOutcome.Infected, eicar.Outcome);
        Assert.StartsWith("Anuyat.Test.Eicar-Signature", eicar.Signature, StringComparison.Ordinal);
        Assert.Equal(ScanOutcome.Infected, marked.Outcome);
        Assert.StartsWith("Anuyat.Test.Marker", marked.Signature, StringComparison.Ordinal);
        Assert.Equal(new ScanVerdict(ScanOutcome.Clean), plain);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Upload_PdfCarryingAVirus_IsRefusedNothingStoredAndTheAttemptAudited(Db db)
    {
        var (app, clamd) = await Apps[db].Value;
        clamd.Up = true;
        var (client, account) = await TestAccounts.ApiClientAsync(app);

        var response = await client.PostAsync("/api/v1/uploads", Multipart(MarkedPdf(), "plan.pdf"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("upload-malware", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var (rows, audited) = await app.WithScopeAsync(async s =>
        {
            var data = s.GetRequiredService<AnuyatDbContext>();
            var id = account.Id.ToString("D");
            return (await data.UploadedFiles.CountAsync(f => f.AccountId == account.Id),
                await data.AuditEvents.Where(e => e.ActorId == id && e.Action == "document.malware-refused").Select(e => e.Details).ToListAsync());
        });
        Assert.Equal(0, rows);
        Assert.Contains("Anuyat.Test.Marker", Assert.Single(audited), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task ClamdDown_FilesStayPendingScan_OfficerCannotOpenThem_TheRetryServesCleanOnesAndQuarantinesAVirus(Db db)
    {
        var (app, clamd) = await Apps[db].Value;
        var (citizen, _) = await TestAccounts.ApiClientAsync(app);
        var (officer, _) = await TestAccounts.ApiClientAsync(app, Role.Officer, "1001", "public-works");
        clamd.Up = false;
        var id = await Office.CaseworkTests.SubmittedAsync(citizen);
        var infected = await citizen.PostAsync("/api/v1/uploads", Multipart(MarkedPdf(), "plan.pdf"));
        var infectedAt = infected.Headers.Location!.OriginalString;
        var document = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().ApplicationDocuments.Where(d => d.ApplicationId == id).Select(d => d.Id).FirstAsync());

        var casePage = await officer.GetStringAsync($"/office/applications/{id}");
        var whilePending = await officer.GetAsync($"/office/applications/{id}/document?documentId={document}");
        var ownerWhilePending = await citizen.GetAsync(infectedAt);

        Assert.Equal(HttpStatusCode.Created, infected.StatusCode);
        Assert.Contains("รอตรวจไวรัส", casePage, StringComparison.Ordinal);
        Assert.DoesNotContain($"document?documentId={document}", casePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, whilePending.StatusCode);
        var text = await whilePending.Content.ReadAsStringAsync();
        Assert.Contains("ไฟล์นี้รอการตรวจไวรัส", text, StringComparison.Ordinal);
        Assert.Contains("pending a virus scan", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, ownerWhilePending.StatusCode);
        Assert.Equal("upload-pending-scan", (await ownerWhilePending.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        // Still down: the retry leaves them pending. Back up: clean files are served, the virus is quarantined.
        var stillDown = await RetryAsync(app);
        clamd.Up = true;
        var back = await RetryAsync(app);
        while ((await RetryAsync(app)).Clean > 0)
        {
            // Other tests' pending files on the shared app are scanned in later rounds of at most 50.
        }

        Assert.Equal(0, stillDown.Clean + stillDown.Infected);
        Assert.True(back.Clean >= 1 && back.Infected >= 1, back.ToString());
        var afterClean = await officer.GetAsync($"/office/applications/{id}/document?documentId={document}");
        Assert.Equal(HttpStatusCode.OK, afterClean.StatusCode);
        Assert.Equal("application/pdf", afterClean.Content.Headers.ContentType?.MediaType);
        var quarantined = await citizen.GetAsync(infectedAt);
        Assert.Equal(HttpStatusCode.Conflict, quarantined.StatusCode);
        Assert.Equal("upload-quarantined", (await quarantined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var uploadId = infectedAt[(infectedAt.LastIndexOf('/') + 1)..];
        var (state, sha, events) = await app.WithScopeAsync(async s =>
        {
            var data = s.GetRequiredService<AnuyatDbContext>();
            var file = await data.UploadedFiles.SingleAsync(f => f.Id == Guid.Parse(uploadId));
            return (file.Scan, file.Sha256, await data.AuditEvents.CountAsync(e => e.Action == "document.quarantined" && e.SubjectId == uploadId));
        });
        Assert.Equal(ScanState.Infected, state);
        Assert.Equal(1, events);
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<IDocumentStore>().ExistsAsync(sha)));
    }

    private static Task<PendingScanRound> RetryAsync(AnuyatApp app) =>
        app.WithScopeAsync(s => s.GetRequiredService<PendingScans>().RunOnceAsync());

    /// <summary>A valid PDF (passes every other check) whose bytes hold the marker the test database flags; unique per call.</summary>
    private static byte[] MarkedPdf() =>
        Corpus.Pdf($"/Title ({Guid.NewGuid():N})", extraObject: Encoding.ASCII.GetBytes($"4 0 obj\n({TestClamd.Marker})\nendobj\n"));

    private static MultipartFormDataContent Multipart(byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        return form;
    }

    private static async Task<(AnuyatApp, SwitchableClamd)> StartAsync(Db db)
    {
        var clamd = new SwitchableClamd();
        var app = await AnuyatApp.StartAsync(db, settings: new Dictionary<string, string?>
        {
            ["Uploads:ClamAv:Host"] = "127.0.0.1",
            ["Uploads:ClamAv:Port"] = clamd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Uploads:ClamAv:TimeoutSeconds"] = "10",
            ["Uploads:ClamAv:RetrySeconds"] = "3600", // the test runs the retry itself
        });
        return (app, clamd);
    }
}
