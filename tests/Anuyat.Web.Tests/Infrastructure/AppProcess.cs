using System.Diagnostics;

namespace Anuyat.Web.Tests.Infrastructure;

/// <summary>Runs the real executable (admin commands, start-up failures) the way an operator would.</summary>
public static class AppProcess
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IDictionary<string, string?> environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Anuyat.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output).Trim(), (await error).Trim());
    }

    /// <summary>The settings that point a process at the same data as a running test app.</summary>
    public static Dictionary<string, string?> SameDataAs(AnuyatApp app) => new()
    {
        ["ANUYAT_DATA"] = app.DataDirectory,
        ["Database__Provider"] = app.Db.ToString(),
        ["ConnectionStrings__Anuyat"] = app.ConnectionString,
    };
}
