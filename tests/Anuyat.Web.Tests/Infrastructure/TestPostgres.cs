using System.Diagnostics;
using Npgsql;

namespace Anuyat.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: the one in <c>ANUYAT_TEST_POSTGRES</c> (started by scripts/test.sh), or a
/// throw-away cluster this process starts itself so a plain <c>dotnet test</c> works too. Each app gets its own database.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<string> Server = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ServerConnectionString => Server.Value;

    /// <param name="prefix">The database name's start; the training sandbox refuses a database whose name lacks "sandbox".</param>
    public static async Task<string> CreateDatabaseAsync(string prefix = "anuyat_t_")
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(ServerConnectionString + ";Database=postgres"))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ServerConnectionString + $";Database={name};Maximum Pool Size=30";
    }

    private static string StartOrFind()
    {
        var configured = Environment.GetEnvironmentVariable("ANUYAT_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var script = Path.Combine(RepositoryRoot.Path, "scripts", "pg-throwaway.sh");
        var dir = Path.Combine(Path.GetTempPath(), "anuyat-pg-" + Environment.ProcessId);
        var port = 15400 + (Environment.ProcessId % 500);
        var start = Process.Start(new ProcessStartInfo("bash", [script, "start", dir, port.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true })!;
        var connectionString = start.StandardOutput.ReadToEnd().Trim();
        start.WaitForExit();
        if (start.ExitCode != 0)
        {
            throw new InvalidOperationException("Could not start a throw-away PostgreSQL cluster; set ANUYAT_TEST_POSTGRES or run scripts/test.sh.");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Process.Start("bash", [script, "stop", dir])?.WaitForExit();
        return connectionString;
    }
}

public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Anuyat.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Anuyat.slnx not found above " + AppContext.BaseDirectory);
    }
}
