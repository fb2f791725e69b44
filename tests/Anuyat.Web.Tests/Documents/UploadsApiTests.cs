using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Documents;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Documents;

public sealed class UploadsApiTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Upload_GoodPdfWithTraversalName_StoredByHashAndNameKeptAsTextOnly(Db db)
    {
        var app = await SharedApps.Get(db);
        var (client, _) = await TestAccounts.ApiClientAsync(app);
        var bytes = Corpus.Pdf($"/Title ({Guid.NewGuid():N})");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var response = await client.PostAsync("/api/v1/uploads", Multipart(bytes, "../../etc/passwd.pdf", "text/html"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var upload = await response.Content.ReadFromJsonAsync<UploadResponse>();
        Assert.Equal((sha, (long)bytes.Length, "application/pdf", "passwd.pdf"), (upload!.Sha256, upload.Bytes, upload.ContentType, upload.Name));
        Assert.Equal($"/api/v1/uploads/{upload.Id}", response.Headers.Location?.OriginalString);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "documents", sha[..2], sha[2..4], sha)));
        Assert.False(File.Exists(Path.Combine(app.DataDirectory, "etc", "passwd.pdf")));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Download_Owner_GetsSameBytesAsSafeAttachment_OtherCitizenGets404(Db db)
    {
        var app = await SharedApps.Get(db);
        var (owner, _) = await TestAccounts.ApiClientAsync(app);
        var (other, _) = await TestAccounts.ApiClientAsync(app);
        var bytes = Corpus.Png(Guid.NewGuid().ToString());
        var created = await owner.PostAsync("/api/v1/uploads", Multipart(bytes, "โฉนดที่ดิน.png"));
        var location = created.Headers.Location!.OriginalString;

        var download = await owner.GetAsync(location);
        var stranger = await other.GetAsync(location);
        var anonymous = await app.NewClient().GetAsync(location);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        // Images are stored re-encoded (metadata stripped): the owner gets exactly the stored picture.
        Assert.Equal(Anuyat.Infrastructure.Documents.ImageSanitiser.Reencode(bytes, Anuyat.Infrastructure.Documents.DocumentKind.Png), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("โฉนดที่ดิน.png", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox", download.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True(download.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Download_BytesTamperedOnDisk_ErrorNeverTheAlteredBytes(Db db)
    {
        var app = await SharedApps.Get(db);
        var (owner, _) = await TestAccounts.ApiClientAsync(app);
        var bytes = Corpus.Pdf($"/Title ({Guid.NewGuid():N})");
        var created = await owner.PostAsync("/api/v1/uploads", Multipart(bytes, "deed.pdf"));
        var upload = await created.Content.ReadFromJsonAsync<UploadResponse>();
        var path = Path.Combine(app.DataDirectory, "documents", upload!.Sha256[..2], upload.Sha256[2..4], upload.Sha256);
        var tampered = Corpus.Pdf("/Title (TAMPERED-CONTENT)");
        await File.WriteAllBytesAsync(path, tampered);

        var response = await owner.GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("TAMPERED-CONTENT", body, StringComparison.Ordinal);
        Assert.Contains("/problems/internal", body, StringComparison.Ordinal);
    }

    public static TheoryData<Db, string, string> AttackCorpus()
    {
        var data = new TheoryData<Db, string, string>();
        foreach (var db in new[] { Db.Sqlite, Db.Postgres })
        {
            data.Add(db, "exe-named-pdf", "upload-wrong-type");
            data.Add(db, "html-named-pdf", "upload-wrong-type");
            data.Add(db, "zip-bomb", "upload-wrong-type");
            data.Add(db, "script-before-pdf-header", "upload-polyglot");
            data.Add(db, "pdf-openaction-js", "upload-active-content");
            data.Add(db, "pdf-encrypted", "upload-encrypted-pdf");
            data.Add(db, "empty", "upload-empty");
            data.Add(db, "eicar", "upload-malware");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AttackCorpus))]
    public async Task Upload_AttackCorpus_RefusedWithReasonAndNothingStored(Db db, string sample, string code)
    {
        var app = await SharedApps.Get(db);
        var (client, account) = await TestAccounts.ApiClientAsync(app);
        var bytes = UploadInspectorTests.Sample(sample);

        var response = await client.PostAsync("/api/v1/uploads", Multipart(bytes, "../../plan.pdf"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://anuyat.example/problems/" + code, problem.GetProperty("type").GetString());
        Assert.NotEmpty(problem.GetProperty("messageTh").GetString()!);
        Assert.NotEmpty(problem.GetProperty("messageEn").GetString()!);
        await AssertNothingStoredAsync(app, account.Id, bytes);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Upload_OverTheConfiguredLimit_413AndNothingStored(Db db)
    {
        var app = await SharedApps.Get(db);
        var (client, account) = await TestAccounts.ApiClientAsync(app);
        var limits = await client.GetFromJsonAsync<UploadLimitsResponse>("/api/v1/upload-limits");
        var bytes = Corpus.Pdf().Concat(new byte[limits!.MaxBytes]).ToArray();

        var response = await client.PostAsync("/api/v1/uploads", Multipart(bytes, "big.pdf"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("ไฟล์ PDF, JPEG หรือ PNG ขนาดไม่เกิน 20 MB", limits.DescriptionTh);
        await AssertNothingStoredAsync(app, account.Id, bytes);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Upload_CookieOrNoToken_401(Db db)
    {
        var app = await SharedApps.Get(db);

        var response = await app.NewClient().PostAsync("/api/v1/uploads", Multipart(Corpus.Pdf(), "a.pdf"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public static MultipartFormDataContent Multipart(byte[] bytes, string fileName, string contentType = "application/pdf")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static async Task AssertNothingStoredAsync(AnuyatApp app, Guid accountId, byte[] bytes)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.False(File.Exists(Path.Combine(app.DataDirectory, "documents", sha[..2], sha[2..4], sha)));
        var rows = await app.WithScopeAsync(s => s.GetRequiredService<AnuyatDbContext>().UploadedFiles.CountAsync(f => f.AccountId == accountId));
        Assert.Equal(0, rows);
    }
}
