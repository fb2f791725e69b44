using Anuyat.Infrastructure.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Anuyat.Infrastructure.Persistence;

/// <summary>Which database engine holds the data. SQLite is the embedded default; PostgreSQL is for production.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Anuyat.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Anuyat.Migrations.Postgres";

    /// <summary>Reads <c>Database:Provider</c> and <c>ConnectionStrings:Anuyat</c>, failing at start with the setting named.</summary>
    public static (DatabaseProvider Provider, string ConnectionString) Resolve(IConfiguration configuration, DataDirectory data)
    {
        var providerText = configuration["Database:Provider"];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText) || providerText.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (providerText.Equals("postgres", StringComparison.OrdinalIgnoreCase) || providerText.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            provider = DatabaseProvider.Postgres;
        }
        else
        {
            throw new StartupException($"Database__Provider: expected 'Sqlite' or 'Postgres', got '{providerText}'.");
        }

        var connectionString = configuration.GetConnectionString("Anuyat");
        if (provider == DatabaseProvider.Sqlite)
        {
            return (provider, string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={data.DatabaseFile}" : connectionString);
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupException("ConnectionStrings__Anuyat: required when Database__Provider=Postgres.");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"ConnectionStrings__Anuyat: not a valid PostgreSQL connection string ({e.Message}).", e);
        }

        return (provider, connectionString);
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)).AddInterceptors(SqliteBusyTimeout.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly).EnableRetryOnFailure(3));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    public static IServiceCollection AddAnuyatDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString, Tenancy? tenancy = null, string? readReplicaConnectionString = null)
    {
        services.AddSingleton(new DatabaseInfo(provider));
        services.AddSingleton(tenancy ?? new Tenancy(Tenancy.DefaultId));
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        // The options depend on nothing in the request, so they are built once: scoped options (EF's default) rebuilt
        // them, with their warnings table and interceptors, for every context (about a tenth of a page's allocations).
        services.AddDbContext<AnuyatDbContext>(options => Configure(options, provider, connectionString), ServiceLifetime.Scoped, ServiceLifetime.Singleton);

        var readOnly = new DbContextOptionsBuilder<AnuyatDbContext>();
        Configure(readOnly, provider, readReplicaConnectionString ?? connectionString);
        readOnly.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        services.AddSingleton(new ReadOnlyDbOptions(readOnly.Options, readReplicaConnectionString is not null));
        services.AddScoped<ReadOnlyDb>();
        return services;
    }

    /// <summary>
    /// <c>ConnectionStrings:AnuyatReadOnly</c>: an optional PostgreSQL replica for dashboard and report reads; absent, they
    /// read the primary. Ignored for SQLite (one file, one process).
    /// </summary>
    public static string? ResolveReadReplica(IConfiguration configuration, DatabaseProvider provider)
    {
        var replica = configuration.GetConnectionString("AnuyatReadOnly");
        if (string.IsNullOrWhiteSpace(replica) || provider != DatabaseProvider.Postgres)
        {
            return null;
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(replica);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"ConnectionStrings__AnuyatReadOnly: not a valid PostgreSQL connection string ({e.Message}).", e);
        }

        return replica;
    }
}

/// <summary>The provider in use, for code that must differ (rare) and for the system page.</summary>
public sealed record DatabaseInfo(DatabaseProvider Provider);
