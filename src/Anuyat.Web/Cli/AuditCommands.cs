using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Platform;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Cli;

/// <summary>
/// <c>audit verify</c>, <c>audit checkpoint</c> and <c>db harden</c>. They take their services and writers as
/// arguments so tests call them directly against a database they have tampered with.
/// </summary>
public static class AuditCommands
{
    /// <summary>
    /// Verifies each tenant's chain on its own (issue 9: one chain per local administration). Prints <c>ok N entries</c>
    /// (exit 0) or <c>broken at entry N: reason</c> (exit 3); with more than one tenant each line starts with the tenant.
    /// </summary>
    public static async Task<int> VerifyAsync(AnuyatDbContext db, DataDirectory data, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var tenants = await db.TenantsOfAsync(d => d.AuditEvents, cancellationToken);
        if (tenants.Count <= 1)
        {
            tenants = [tenants.FirstOrDefault() ?? db.TenantId];
        }

        var key = AuditSigningKey.TryReadPublicKey(data);
        var exit = 0;
        foreach (var tenant in tenants)
        {
            AuditVerification result;
            if (tenant == db.TenantId)
            {
                result = await AuditVerifier.VerifyAsync(db, key, cancellationToken);
            }
            else
            {
                await using var other = db.ForTenant(tenant);
                result = await AuditVerifier.VerifyAsync(other, key, cancellationToken);
            }

            var line = tenants.Count > 1 ? $"{tenant}: {result}" : result.ToString();
            if (result.Ok)
            {
                await output.WriteLineAsync(line);
            }
            else
            {
                await error.WriteLineAsync(line);
                exit = 3;
            }
        }

        return exit;
    }

    /// <summary>Signs the head now and prints the file it wrote, then the note.</summary>
    public static async Task<int> CheckpointAsync(AuditCheckpoints checkpoints, TextWriter output, CancellationToken cancellationToken = default)
    {
        var made = await checkpoints.CreateAsync(cancellationToken);
        if (made is null)
        {
            await output.WriteLineAsync("ok nothing to sign (the chain is empty or its head is already signed)");
            return 0;
        }

        await output.WriteLineAsync($"ok checkpoint at entry {made.Value.Checkpoint.Sequence} written to {made.Value.File}");
        await output.WriteAsync(made.Value.Checkpoint.Note);
        return 0;
    }

    public static async Task<int> HardenAsync(AnuyatDbContext db, string appRole, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql())
        {
            await error.WriteLineAsync("anuyat: db harden applies to PostgreSQL; an embedded SQLite file is protected by file permissions and the signed checkpoints.");
            return 2;
        }

        string sql;
        try
        {
            sql = AuditHardening.Sql(appRole);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"anuyat: --app-role: {e.Message}");
            return 2;
        }

        await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        await output.WriteLineAsync($"ok audit tables are append-only; role {appRole} may only SELECT and INSERT them");
        return 0;
    }
}
