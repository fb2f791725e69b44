using System.Net;
using Anuyat.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anuyat.Web.Tests.Infrastructure;

/// <summary>
/// The whole app on the real pipeline with its own data directory and its own database (SQLite file, or a fresh
/// PostgreSQL database migrated the way a deployment would: explicitly, before start).
/// </summary>
public sealed class AnuyatApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private AnuyatApp(Db db, string environment, string dataDirectory, string? connectionString, IDictionary<string, string?>? settings)
    {
        Db = db;
        Environment = environment;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["ANUYAT_DATA"] = dataDirectory,
            ["Database:Provider"] = db.ToString(),
            ["RateLimits:SignInPerMinute"] = settings?.TryGetValue("RateLimits:SignInPerMinute", out var limit) == true ? limit : "100000",
        };
        if (connectionString is not null)
        {
            _settings["ConnectionStrings:Anuyat"] = connectionString;
        }
    }

    public Db Db { get; }

    private TimeProvider? _clock;

    public string Environment { get; }

    public string DataDirectory { get; }

    public string? ConnectionString { get; }

    /// <summary>Set when the app listens on a real Kestrel port (browser tests).</summary>
    public Uri? ServerAddress { get; private set; }

    public static async Task<AnuyatApp> StartAsync(Db db, string environment = "Testing", IDictionary<string, string?>? settings = null, bool kestrel = false, int port = 0, TimeProvider? clock = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "anuyat-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDirectory);
        string? connectionString = null;
        if (db == Db.Postgres && settings?.TryGetValue("ConnectionStrings:Anuyat", out var shared) == true && shared is not null)
        {
            // A second instance over an existing database (several-instance tests): already migrated.
            connectionString = shared;
        }
        else if (db == Db.Postgres)
        {
            connectionString = await TestPostgres.CreateDatabaseAsync();
            var options = new DbContextOptionsBuilder<AnuyatDbContext>();
            DatabaseSetup.Configure(options, DatabaseProvider.Postgres, connectionString);
            await using var context = new AnuyatDbContext(options.Options);
            await DatabaseMigrator.MigrateAsync(context);
        }

        var app = new AnuyatApp(db, environment, dataDirectory, connectionString, settings) { _clock = clock };
        if (kestrel)
        {
            app.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
            app.StartServer();
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            app.ServerAddress = new Uri(addresses.Addresses.First());
        }
        else
        {
            app.StartServer();
        }

        return app;
    }

    /// <summary>A free loopback port, for a test whose settings must name the app's own address before it starts (OIDC authority).</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see where they point. HTTPS by default: cookies are Secure outside Development.</summary>
    public HttpClient NewClient(bool https = true) => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
    });

    public T WithScope<T>(Func<IServiceProvider, T> action)
    {
        using var scope = Services.CreateScope();
        return action(scope.ServiceProvider);
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        if (_clock is { } clock)
        {
            // "Today" for the whole app (e.g. a month in which a service takes no filings).
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by SQLite; the temp folder is cleaned by the OS.
            }
        }
    }
}

/// <summary>
/// One running app per database engine, shared by the tests of this assembly. Tests make their own data (fresh
/// e-mail addresses, fresh applications), so sharing the app never couples them.
/// </summary>
public static class SharedApps
{
    private static readonly Lazy<Task<AnuyatApp>> SqliteApp = new(() => AnuyatApp.StartAsync(Db.Sqlite));
    private static readonly Lazy<Task<AnuyatApp>> PostgresApp = new(() => AnuyatApp.StartAsync(Db.Postgres));

    public static Task<AnuyatApp> Get(Db db) => db == Db.Sqlite ? SqliteApp.Value : PostgresApp.Value;
}
