using Anuyat.Infrastructure.Admin;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Platform;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Admin.Sandbox;

/// <summary>
/// Empties the sandbox's database (everything but the organisation tables synchronised from reference/) and its
/// document folder, then seeds it again. Refuses outside the sandbox: there is no code path that wipes real data.
/// </summary>
public static class SandboxReset
{
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal) { "districts", "sections", "offices" };

    public static async Task<int> ResetAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<SandboxMode>().Enabled)
        {
            throw new InvalidOperationException("sandbox reset runs only in the training sandbox (Sandbox:Enabled=true)");
        }

        var db = services.GetRequiredService<AnuyatDbContext>();
        var tables = db.Model.GetEntityTypes()
            .Select(e => e.GetTableName())
            .OfType<string>()
            .Where(t => !Kept.Contains(t))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var provider = services.GetRequiredService<DatabaseInfo>().Provider;
        if (provider == DatabaseProvider.Postgres)
        {
            // Table names come from the EF model, never from input.
            var truncate = "TRUNCATE " + string.Join(", ", tables.Select(t => "\"" + t + "\"")) + " RESTART IDENTITY";
            await db.Database.ExecuteSqlRawAsync(truncate, cancellationToken);
        }
        else
        {
            // SQLite checks foreign keys per statement; switching them off (outside a transaction) lets tables empty in any order.
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF", cancellationToken);
                foreach (var table in tables)
                {
                    var delete = "DELETE FROM \"" + table + "\""; // a name from the EF model, never from input
                    await db.Database.ExecuteSqlRawAsync(delete, cancellationToken);
                }

                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        db.ChangeTracker.Clear();
        Anuyat.Infrastructure.Accounts.AccountChanges.Bump(); // accounts and tokens are gone: no cached token may outlive them
        var documents = services.GetRequiredService<DataDirectory>().Documents;
        foreach (var entry in Directory.EnumerateFileSystemEntries(documents))
        {
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        await services.GetRequiredService<ConsoleOverlays>().ReloadAsync(db, cancellationToken);
        var made = await SandboxFiles.FillAsync(services, logger, cancellationToken);
        logger.LogWarning("Sandbox reset: {Tables} tables emptied, {Files} synthetic applications made", tables.Count, made);
        return made;
    }
}
