using Anuyat.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Anuyat.Web.Platform;

/// <summary><c>/health</c> is healthy only when the database answers a query, not merely when the process is up.</summary>
public sealed class DatabaseHealthCheck(AnuyatDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database does not answer");
}
