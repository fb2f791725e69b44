using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Tests.Documents;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Tests.Production;

/// <summary>The restore drill: back up a live app, restore into an empty place, and find the same rows and bytes.</summary>
public sealed class BackupRestoreTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task BackupThenRestoreIntoEmptyPlace_SameCountsSameHashesAndTheAuditChainVerifies(Db db)
    {
        await using var source = await AnuyatApp.StartAsync(db);
        var (client, _) = await TestAccounts.ApiClientAsync(source);
        var uploaded = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var bytes = Corpus.Pdf($"/Title (backup {i} {Guid.NewGuid():N})");
            var response = await client.PostAsync("/api/v1/uploads", UploadsApiTests.Multipart(bytes, $"deed-{i}.pdf"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            uploaded.Add(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        var backup = Path.Combine(Path.GetTempPath(), "anuyat-backup-" + Guid.NewGuid().ToString("N")[..12]);
        var created = await AppProcess.RunAsync(AppProcess.SameDataAs(source), "backup", "create", "--out", backup);
        Assert.True(created.ExitCode == 0, created.Error);
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(Path.Combine(backup, "manifest.json")), Web)!;
        Assert.Subset(manifest.Documents.Select(d => d.Sha256).ToHashSet(), uploaded.ToHashSet());
        var sourceCounts = await CountsAsync(db, source.ConnectionString ?? $"Data Source={Path.Combine(source.DataDirectory, "anuyat.db")}");
        Assert.Equal(sourceCounts, manifest.RowCounts.Where(c => c.Key is "uploaded_files" or "audit_events" or "AspNetUsers").ToDictionary());

        // An empty place: a new data directory and, for PostgreSQL, a new empty database.
        var target = Directory.CreateTempSubdirectory("anuyat-restored-").FullName;
        var targetConnection = db == Db.Postgres ? await TestPostgres.CreateDatabaseAsync() : $"Data Source={Path.Combine(target, "anuyat.db")}";
        var targetSettings = new Dictionary<string, string?> { ["ANUYAT_DATA"] = target, ["Database__Provider"] = db.ToString(), ["ConnectionStrings__Anuyat"] = targetConnection };
        var restored = await AppProcess.RunAsync(targetSettings, "backup", "restore", "--from", backup);
        Assert.True(restored.ExitCode == 0, restored.Output + restored.Error);
        Assert.EndsWith("counts and hashes match", restored.Output, StringComparison.Ordinal);

        Assert.Equal(sourceCounts, await CountsAsync(db, targetConnection));
        foreach (var sha in uploaded)
        {
            var file = Path.Combine(target, "documents", sha[..2], sha[2..4], sha);
            Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file))));
        }

        var verify = await AppProcess.RunAsync(targetSettings, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
    }

    [Fact]
    public async Task Restore_DamagedDocumentInTheBackup_ReportsItAndFails()
    {
        await using var source = await AnuyatApp.StartAsync(Db.Sqlite);
        var (client, _) = await TestAccounts.ApiClientAsync(source);
        var bytes = Corpus.Png(Guid.NewGuid().ToString());
        var uploaded = await client.PostAsync("/api/v1/uploads", UploadsApiTests.Multipart(bytes, "plan.png", "image/png"));
        var backup = Path.Combine(Path.GetTempPath(), "anuyat-backup-" + Guid.NewGuid().ToString("N")[..12]);
        Assert.Equal(0, (await AppProcess.RunAsync(AppProcess.SameDataAs(source), "backup", "create", "--out", backup)).ExitCode);

        // Images are re-encoded on upload (metadata stripped), so the stored file is named by the hash the API returns.
        var sha = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sha256").GetString()!;
        await File.WriteAllBytesAsync(Path.Combine(backup, "documents", sha), Corpus.Png("rotten"));

        var target = Directory.CreateTempSubdirectory("anuyat-restored-").FullName;
        var restored = await AppProcess.RunAsync(new Dictionary<string, string?> { ["ANUYAT_DATA"] = target }, "backup", "restore", "--from", backup);

        Assert.Equal(1, restored.ExitCode);
        Assert.Contains($"document {sha}: the backup copy is damaged", restored.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(target, "documents", sha[..2], sha[2..4], sha)));
    }

    private static async Task<Dictionary<string, long>> CountsAsync(Db db, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AnuyatDbContext>();
        DatabaseSetup.Configure(options, db == Db.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres, connectionString);
        await using var context = new AnuyatDbContext(options.Options);
        var result = new Dictionary<string, long>
        {
            ["uploaded_files"] = await context.UploadedFiles.LongCountAsync(),
            ["audit_events"] = await context.AuditEvents.LongCountAsync(),
            ["AspNetUsers"] = await context.Users.LongCountAsync(),
        };
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return result;
    }
}
