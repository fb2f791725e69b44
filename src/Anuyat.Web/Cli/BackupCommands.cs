using Anuyat.Infrastructure.Documents;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Platform;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Cli;

/// <summary>
/// <c>backup create --out DIR</c> (while the app runs) and <c>backup restore --from DIR</c> (with the app stopped):
/// the database, the documents with their hashes, and a manifest; docs/reliability.md has the procedure.
/// </summary>
public static class BackupCommands
{
    public static async Task<int> CreateAsync(WebApplication app, string directory)
    {
        var (provider, connectionString) = DatabaseSetup.Resolve(app.Configuration, app.Services.GetRequiredService<DataDirectory>());
        await CheckStoreAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var manifest = await Backups.CreateAsync(
                scope.ServiceProvider.GetRequiredService<AnuyatDbContext>(), provider, connectionString, app.Services.GetRequiredService<IDocumentStore>(),
                app.Services.GetRequiredService<Tenancy>().Id, Path.GetFullPath(directory), app.Services.GetRequiredService<TimeProvider>());
            Console.WriteLine($"ok backup in {Path.GetFullPath(directory)}: {Describe(manifest)}");
            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync($"anuyat: backup create: {e.Message}");
            return 2;
        }
    }

    public static async Task<int> RestoreAsync(WebApplication app, string directory)
    {
        var (provider, connectionString) = DatabaseSetup.Resolve(app.Configuration, app.Services.GetRequiredService<DataDirectory>());
        await CheckStoreAsync(app);
        try
        {
            var (manifest, problems) = await Backups.RestoreAsync(
                () =>
                {
                    var options = new DbContextOptionsBuilder<AnuyatDbContext>();
                    DatabaseSetup.Configure(options, provider, connectionString);
                    return new AnuyatDbContext(options.Options);
                },
                provider, connectionString, app.Services.GetRequiredService<IDocumentStore>(), Path.GetFullPath(directory));
            foreach (var problem in problems)
            {
                Console.WriteLine(problem);
            }

            if (problems.Count > 0)
            {
                await Console.Error.WriteLineAsync($"anuyat: backup restore: {problems.Count} problem(s) after restoring {Path.GetFullPath(directory)}.");
                return 1;
            }

            Console.WriteLine($"ok restored from {Path.GetFullPath(directory)}: {Describe(manifest)}; counts and hashes match");
            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync($"anuyat: backup restore: {e.Message}");
            return 2;
        }
    }

    private static string Describe(BackupManifest manifest) =>
        $"{string.Join(", ", manifest.RowCounts.Select(c => $"{c.Key}={c.Value}"))}, documents={manifest.Documents.Count}";

    /// <summary>Commands skip the hosted start-up checks; the object store is checked (and a test bucket made) here.</summary>
    private static async Task CheckStoreAsync(WebApplication app)
    {
        if (app.Services.GetService<S3DocumentStore>() is { } s3)
        {
            await s3.CheckAsync();
        }
    }
}
