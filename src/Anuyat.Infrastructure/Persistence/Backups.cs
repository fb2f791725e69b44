using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Anuyat.Infrastructure.Documents;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Anuyat.Infrastructure.Persistence;

/// <summary>What a backup holds, written beside it as <c>manifest.json</c> and checked again after a restore.</summary>
public sealed record BackupManifest(
    int FormatVersion,
    DateTime CreatedAt,
    string Provider,
    string Tenant,
    Dictionary<string, long> RowCounts,
    List<BackupDocument> Documents);

public sealed record BackupDocument(string Sha256, long Bytes);

/// <summary>
/// <c>backup create --out DIR</c> and <c>backup restore --from DIR</c> (docs/reliability.md). The database is copied
/// consistently while the app runs: SQLite through its online backup API, PostgreSQL with <c>pg_dump</c> (one
/// snapshot). Documents are copied from whichever store is configured, each verified against its hash on the way
/// out and again on the way in; the manifest lists them with their hashes and the row counts of the main tables.
/// </summary>
public static class Backups
{
    public const string ManifestFile = "manifest.json";
    public const string SqliteFile = "anuyat.db";
    public const string PostgresFile = "anuyat.pgdump";
    public const string DocumentsFolder = "documents";

    /// <summary>The tables whose counts a restore must reproduce exactly.</summary>
    private static readonly string[] CountedTables =
        ["AspNetUsers", "applications", "application_documents", "uploaded_files", "audit_events", "outbox_messages"];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<BackupManifest> CreateAsync(AnuyatDbContext db, DatabaseProvider provider, string connectionString, IDocumentStore store, string tenant, string directory, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        if (Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new BackupException($"--out: '{directory}' is not empty; a backup goes into an empty folder.");
        }

        // Documents first, then the database: a document referenced by a row committed after the copy started is
        // then missing from neither (rows never refer to documents that do not exist yet; a few extra documents are harmless).
        var documentsFolder = Path.Combine(directory, DocumentsFolder);
        Directory.CreateDirectory(documentsFolder);
        var documents = new List<BackupDocument>();
        await foreach (var sha256 in store.ListAsync(cancellationToken))
        {
            await using var content = await store.OpenReadAsync(sha256, cancellationToken); // verified against its hash
            if (content is null)
            {
                continue; // deleted meanwhile
            }

            var target = Path.Combine(documentsFolder, sha256);
            await using (var file = File.Create(target))
            {
                await content.CopyToAsync(file, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            documents.Add(new BackupDocument(sha256, new FileInfo(target).Length));
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            await using var source = new SqliteConnection(connectionString);
            await source.OpenAsync(cancellationToken);
            await using var destination = new SqliteConnection($"Data Source={Path.Combine(directory, SqliteFile)};Pooling=False");
            await destination.OpenAsync(cancellationToken);
            source.BackupDatabase(destination); // SQLite online backup: a consistent copy while others write
        }
        else
        {
            await RunAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--file", Path.Combine(directory, PostgresFile)], cancellationToken);
        }

        var manifest = new BackupManifest(1, clock.GetUtcNow().UtcDateTime, provider.ToString(), tenant, await CountAsync(db, cancellationToken), [.. documents.OrderBy(d => d.Sha256, StringComparer.Ordinal)]);
        await File.WriteAllTextAsync(Path.Combine(directory, ManifestFile), JsonSerializer.Serialize(manifest, Json), cancellationToken);
        return manifest;
    }

    /// <summary>
    /// Puts the database and documents of a backup in place of the configured ones (the app must be stopped), then
    /// checks that row counts and document hashes match the manifest. Returns the problems found (none = success).
    /// </summary>
    public static async Task<(BackupManifest Manifest, List<string> Problems)> RestoreAsync(Func<AnuyatDbContext> newContext, DatabaseProvider provider, string connectionString, IDocumentStore store, string directory, CancellationToken cancellationToken = default)
    {
        var manifestPath = Path.Combine(directory, ManifestFile);
        if (!File.Exists(manifestPath))
        {
            throw new BackupException($"--from: no {ManifestFile} in '{directory}'.");
        }

        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, cancellationToken), Json)
            ?? throw new BackupException($"--from: {ManifestFile} is empty.");
        if (!string.Equals(manifest.Provider, provider.ToString(), StringComparison.Ordinal))
        {
            throw new BackupException($"--from: the backup is of a {manifest.Provider} database; Database__Provider is {provider}.");
        }

        var problems = new List<string>();
        foreach (var document in manifest.Documents)
        {
            var path = Path.Combine(directory, DocumentsFolder, DocumentHash.Require(document.Sha256));
            if (!File.Exists(path))
            {
                problems.Add($"document {document.Sha256}: missing from the backup");
                continue;
            }

            await using var file = File.OpenRead(path);
            var stored = await store.PutAsync(file, cancellationToken);
            if (stored.Sha256 != document.Sha256)
            {
                problems.Add($"document {document.Sha256}: the backup copy is damaged (hash {stored.Sha256}); not restored");
                await store.DeleteAsync(stored.Sha256, cancellationToken);
            }
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            await using var source = new SqliteConnection($"Data Source={Path.Combine(directory, SqliteFile)};Mode=ReadOnly;Pooling=False");
            await source.OpenAsync(cancellationToken);
            await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
            await destination.OpenAsync(cancellationToken);
            source.BackupDatabase(destination);
        }
        else
        {
            await RunAsync("pg_restore", connectionString, ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", Path.Combine(directory, PostgresFile)], cancellationToken);
        }

        await using (var db = newContext())
        {
            var counts = await CountAsync(db, cancellationToken);
            foreach (var (table, expected) in manifest.RowCounts)
            {
                var actual = counts.GetValueOrDefault(table, -1);
                if (actual != expected)
                {
                    problems.Add($"{table}: {actual} rows after restore, {expected} in the backup");
                }
            }
        }

        foreach (var document in manifest.Documents)
        {
            try
            {
                await using var content = await store.OpenReadAsync(document.Sha256, cancellationToken);
                if (content is null)
                {
                    problems.Add($"document {document.Sha256}: not in the store after restore");
                }
            }
            catch (DocumentIntegrityException)
            {
                problems.Add($"document {document.Sha256}: does not match its hash after restore");
            }
        }

        return (manifest, problems);
    }

    /// <summary>SHA-256 of a file, lowercase hex.</summary>
    public static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }

    private static async Task<Dictionary<string, long>> CountAsync(AnuyatDbContext db, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var table in CountedTables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\""; // table names from the constant list above only
                counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return counts;
    }

    /// <summary>Runs pg_dump / pg_restore from the PATH with the connection's settings in PG* variables (no password on the command line).</summary>
    private static async Task RunAsync(string tool, string connectionString, string[] arguments, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--dbname");
        start.ArgumentList.Add(connection.Database ?? "postgres");
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
        if (connection.Username is not null)
        {
            start.Environment["PGUSER"] = connection.Username;
        }

        if (connection.Password is not null)
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BackupException($"{tool} is not on the PATH (install postgresql-client of the server's major version): {e.Message}");
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                var first = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "no message";
                throw new BackupException($"{tool} failed with exit code {process.ExitCode}: {first}");
            }
        }
    }
}

/// <summary>A backup or restore that cannot go on; the message is one line for the operator.</summary>
public sealed class BackupException : Exception
{
    public BackupException()
    {
    }

    public BackupException(string message)
        : base(message)
    {
    }

    public BackupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
