using Anuyat.Infrastructure.Persistence;
using Anuyat.Infrastructure.Platform;

namespace Anuyat.Web.Features.Admin;

/// <summary>
/// Whether this process is the training sandbox (<c>Sandbox:Enabled=true</c>): the same app, started as a second
/// process with its own <c>ANUYAT_DATA</c> and database, a coloured banner on every page, no e-mail, demo staff and
/// synthetic files. <c>Sandbox:Url</c> is where the real console links to it.
/// </summary>
public sealed record SandboxMode(bool Enabled, Uri? Url)
{
    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("Sandbox:Enabled", false);

    public static SandboxMode From(IConfiguration configuration) =>
        new(IsEnabled(configuration), Uri.TryCreate(configuration["Sandbox:Url"], UriKind.Absolute, out var url) ? url : null);

    /// <summary>
    /// The sandbox must never open the real data: it refuses to start without its own data directory, and on
    /// PostgreSQL without a database whose name says sandbox.
    /// </summary>
    public static void CheckSeparation(IConfiguration configuration)
    {
        if (!IsEnabled(configuration))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(configuration["ANUYAT_DATA"] ?? configuration["Data:Directory"]))
        {
            throw new StartupException("Sandbox:Enabled: the training sandbox needs its own ANUYAT_DATA (e.g. ./data-sandbox), never the real data directory.");
        }

        var provider = configuration["Database:Provider"];
        if (string.Equals(provider, nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase))
        {
            var connection = configuration.GetConnectionString("Anuyat") ?? string.Empty;
            if (!connection.Contains("sandbox", StringComparison.OrdinalIgnoreCase))
            {
                throw new StartupException("Sandbox:Enabled: on PostgreSQL the sandbox's database name must contain 'sandbox' (ConnectionStrings__Anuyat), so it can never be the real one.");
            }
        }
    }
}
