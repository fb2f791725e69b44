using System.Reflection;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Admin.SystemStatus;

/// <summary>What an administrator checks first when something seems wrong: version, database, e-mail backlog, workers, documents, audit chain.</summary>
[Authorize(Policy = Accounts.AccountsSetup.Policies.Admin)]
public sealed class StatusModel(AnuyatDbContext db, DatabaseInfo database, DataDirectory data, WorkerRegistry workers, SandboxMode sandbox) : PageModel
{
    public string Version { get; } = typeof(StatusModel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public string Provider => database.Provider.ToString();

    public SandboxMode Sandbox => sandbox;

    public int AppliedMigrations { get; private set; }

    public IReadOnlyList<string> PendingMigrations { get; private set; } = [];

    public int OutboxPending { get; private set; }

    public int OutboxFailing { get; private set; }

    public DateTime? OldestPending { get; private set; }

    public IReadOnlyList<WorkerRun> Workers => workers.All;

    public bool DocumentsWritable { get; private set; }

    public string? DocumentsProblem { get; private set; }

    public AuditVerification Audit { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        AppliedMigrations = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Count();
        PendingMigrations = [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
        var pending = db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null);
        OutboxPending = await pending.CountAsync(cancellationToken);
        OutboxFailing = await pending.CountAsync(m => m.Attempts > 0, cancellationToken);
        OldestPending = await pending.OrderBy(m => m.CreatedAt).Select(m => (DateTime?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        (DocumentsWritable, DocumentsProblem) = ProbeDocuments();
        Audit = await AuditVerifier.VerifyAsync(db, AuditSigningKey.TryReadPublicKey(data), cancellationToken);
    }

    private (bool, string?) ProbeDocuments()
    {
        var probe = Path.Combine(data.Documents, ".health-" + Guid.NewGuid().ToString("N"));
        try
        {
            System.IO.File.WriteAllText(probe, "ok");
            System.IO.File.Delete(probe);
            return (true, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (false, e.GetType().Name);
        }
    }
}
