using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Infrastructure.Persistence;

/// <summary>Background duties run once for every tenant the deployment serves, each in its own scope (and context).</summary>
public static class TenantScopes
{
    /// <summary>
    /// Runs <paramref name="work"/> for each of <see cref="Tenancy.AllIds"/> — the default tenant first — with the
    /// scope's <see cref="TenantContext"/> set, so every read and write of that round stays inside one tenant.
    /// </summary>
    public static async Task ForEachTenantAsync(this IServiceScopeFactory scopes, Func<IServiceProvider, Task> work)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(work);
        IReadOnlyList<string> tenants;
        await using (var probe = scopes.CreateAsyncScope())
        {
            tenants = probe.ServiceProvider.GetRequiredService<Tenancy>().AllIds;
        }

        foreach (var tenant in tenants)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenant);
            await work(scope.ServiceProvider);
        }
    }
}
