using System.Diagnostics;
using System.Globalization;
using System.Net;
using Npgsql;

// bench/run.sh [--quick] [--applications N] [--db sqlite|postgres|both] [--out FILE] [--only 1,2] [--data DIR] [--warmup SECONDS] [--submit-users N]
// Prepares data with `demo generate`, starts the Release build on a real Kestrel port, runs every scenario beside its
// baseline, and writes the report (docs/benchmarks.md).
namespace Anuyat.Bench;

/// <summary>The entry point: see bench/run.sh.</summary>
internal static class BenchProgram
{
    /// <summary>The scenarios that need the app running (5, the PDF engine, runs in the benchmark's own process).</summary>
    private static readonly string[] AppScenarios = ["1", "2", "3", "4", "6"];

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args.Contains("--dashboard"))
        {
            string? root = Array.IndexOf(args, "--root") is var r and >= 0 && r + 1 < args.Length ? args[r + 1] : null;
            return await DashboardBench.RunAsync(args, root ?? Directory.GetCurrentDirectory());
        }

        var options = Options.Parse(args);
        var settings = new BenchSettings(options.Quick, options.WarmupSeconds, options.SubmitUsers);
        var report = new Report(options, settings);
        Console.WriteLine($"bench: {(options.Quick ? "quick" : "full")} run, {options.Applications:N0} applications, databases: {string.Join(", ", options.Databases)}");

        foreach (var db in options.Databases.Where(_ => AppScenarios.Any(options.Runs)))
        {
            await using var instance = await AppInstance.StartAsync(options, db, Console.Out);
            report.Generation[db] = instance.GenerationLine;
            report.StartupMs[db] = instance.StartupMs;
            report.StartupCpuMs[db] = instance.StartupCpuMs;
            if (instance.PublishedStartup is { } published)
            {
                report.PublishedStartup[db] = published;
            }

            report.IdleRssMb[db] = instance.RssMb();
            var scenarios = new Scenarios(instance.Target, settings, Console.Out) { ServerCpu = instance.Cpu };
            if (options.Runs("1"))
            {
                await scenarios.SubmitAsync(CancellationToken.None);
            }

            if (options.Runs("2"))
            {
                using var sampler = new RssSampler(instance);
                var (queueBytes, _) = await scenarios.PagesAsync(CancellationToken.None);
                report.LoadedRssMb[db] = sampler.PeakMb;
                report.QueueBytes = Math.Max(report.QueueBytes, queueBytes);
            }

            if (options.Runs("3"))
            {
                await scenarios.VerificationAsync(CancellationToken.None);
            }

            if (options.Runs("4"))
            {
                await scenarios.RouteOrSkipAsync("4 dashboard", "/api/v1/stats", instance.Target.AdminToken, "/api/v1/stats?groupBy=district", CancellationToken.None);
            }

            report.Add(scenarios);
        }

        if (options.Runs("2") || options.Runs("3"))
        {
            Console.WriteLine("bench: raw Kestrel static page of the queue page's size");
            report.Static = await Scenarios.StaticBaselineAsync(Math.Max(1024, report.QueueBytes), settings, CancellationToken.None);
            foreach (var (users, result) in report.Static)
            {
                Console.WriteLine($"static   {result.Line}");
            }
        }

        if (options.Runs("5"))
        {
            Console.WriteLine("bench: PDF rendering");
            report.Pdf = Scenarios.Pdf(settings);
            Console.WriteLine($"pdf: permit {report.Pdf.Permits:F1}/s/core ({report.Pdf.Permits / report.Pdf.Blank:P0} of blank), receipt {report.Pdf.Documents:F1}/s/core, blank page {report.Pdf.Blank:F1}/s/core ({report.Pdf.Documents / report.Pdf.Blank:P0})");
        }

        var markdown = report.Markdown();
        if (options.Output is not null)
        {
            await File.WriteAllTextAsync(options.Output, markdown);
            Console.WriteLine($"bench: wrote {options.Output}");
        }
        else
        {
            Console.WriteLine(markdown);
        }

        return 0;
    }
}


/// <param name="Data">A data directory to keep and reuse between runs (generated once when empty); null: a fresh temporary one, deleted afterwards.</param>
/// <param name="Only">Scenario numbers to run (1–6); empty: all.</param>
/// <param name="Published">The deployment build's Anuyat.Web.dll (scripts/publish.sh), whose start-up is measured too.</param>
internal sealed record Options(bool Quick, int Applications, IReadOnlyList<string> Databases, string? Output, string Web, string Root, long Seed, string? Data = null, IReadOnlyList<string>? Only = null, double? WarmupSeconds = null, int? SubmitUsers = null, string? Published = null)
{
    public bool Runs(string scenario) => Only is null || Only.Count == 0 || Only.Contains(scenario);

    public static Options Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var root = Value("--root") ?? Directory.GetCurrentDirectory();
        var db = Value("--db") ?? (quick ? "sqlite" : "both");
        return new Options(
            quick,
            int.Parse(Value("--applications") ?? (quick ? "2000" : "1000000"), CultureInfo.InvariantCulture),
            db == "both" ? ["sqlite", "postgres"] : [db],
            Value("--out"),
            Value("--web") ?? Path.Combine(root, "src/Anuyat.Web/bin/Release/net10.0/Anuyat.Web.dll"),
            root,
            long.Parse(Value("--seed") ?? "2569", CultureInfo.InvariantCulture),
            Value("--data"),
            Value("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Value("--warmup") is { } warmup ? double.Parse(warmup, CultureInfo.InvariantCulture) : null,
            Value("--submit-users") is { } submitters ? int.Parse(submitters, CultureInfo.InvariantCulture) : null,
            Value("--published"));
    }
}

/// <summary>The app as a separate process on a real Kestrel port, with its own data directory (and PostgreSQL cluster).</summary>
internal sealed class AppInstance : IAsyncDisposable
{
    private Process? _server;
    private string? _pgDirectory;
    private bool _keep;

    public required BenchTarget Target { get; init; }

    public required Options Options { get; init; }

    public string GenerationLine { get; private set; } = string.Empty;

    public double StartupMs { get; private set; }

    /// <summary>The app's processor time from start to the first page: unlike the wall time, it hardly depends on the neighbours.</summary>
    public double StartupCpuMs { get; private set; }

    /// <summary>The same start-up for the deployment build (<c>--published</c>), when it was measured.</summary>
    public (double Ms, double CpuMs)? PublishedStartup { get; private set; }

    public int? ProcessId => _server?.Id;

    public static async Task<AppInstance> StartAsync(Options options, string db, TextWriter log)
    {
        var data = options.Data is { } kept ? Path.Combine(Path.GetFullPath(kept), db) : Path.Combine(Path.GetTempPath(), $"anuyat-bench-{db}-{Guid.NewGuid():N}"[..40]);
        var reuse = options.Data is not null && db == "sqlite" && File.Exists(Path.Combine(data, "anuyat.db"));
        Directory.CreateDirectory(data);
        var env = new Dictionary<string, string> { ["ANUYAT_DATA"] = data, ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Database__Provider"] = db == "postgres" ? "Postgres" : "Sqlite" };
        string? pgDirectory = null;
        string? connection = null;
        if (db == "postgres")
        {
            pgDirectory = Path.Combine(Path.GetTempPath(), $"anuyat-bench-pg-{Guid.NewGuid():N}"[..36]);
            var port = 26000 + Random.Shared.Next(3000);
            var cluster = (await RunAsync("bash", [Path.Combine(options.Root, "scripts/pg-throwaway.sh"), "start", pgDirectory, port.ToString(CultureInfo.InvariantCulture)], null, log)).Trim();
            await using (var maintenance = new NpgsqlConnection(cluster + ";Database=postgres"))
            {
                await maintenance.OpenAsync();
                await using var create = new NpgsqlCommand("CREATE DATABASE anuyat_bench", maintenance);
                await create.ExecuteNonQueryAsync();
            }

            connection = cluster + ";Database=anuyat_bench;Maximum Pool Size=100";
            env["ConnectionStrings__Anuyat"] = connection;
            await RunAsync("dotnet", [options.Web, "db", "migrate"], env, log);
        }

        var until = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var started = Stopwatch.StartNew();
        var generation = reuse
            ? File.Exists(Path.Combine(data, "generation.txt")) ? await File.ReadAllTextAsync(Path.Combine(data, "generation.txt")) : "reused"
            : $"{(await RunAsync("dotnet", [options.Web, "demo", "generate", "--applications", options.Applications.ToString(CultureInfo.InvariantCulture), "--seed", options.Seed.ToString(CultureInfo.InvariantCulture), "--until", until], env, log)).Trim()} (wall {started.Elapsed.TotalSeconds:F0} s including start-up)";
        if (options.Data is not null && !reuse)
        {
            await File.WriteAllTextAsync(Path.Combine(data, "generation.txt"), generation);
        }

        var permits = options.Runs("3") ? await BenchData.PermitsForIssuedAsync(db, data, connection, log) : [];

        log.WriteLine($"bench [{db}]: {generation}");
        async Task<string> Token(params string[] a) => (await RunAsync("dotnet", [options.Web, "token", "create", .. a], env, log)).Trim();
        var citizen = await Token("--email", "bench-citizen@bench.anuyat.invalid", "--role", "citizen");
        var officer = await Token("--email", "bench-officer@bench.anuyat.invalid", "--role", "officer", "--district", "1001", "--section", "administration");
        var demoCitizen = await Token("--email", $"citizen-{options.Seed}-0000000@demo.anuyat.invalid", "--role", "citizen");
        var admin = await Token("--email", "bench-admin@bench.anuyat.invalid", "--role", "admin");

        // The deployment build (scripts/publish.sh: ReadyToRun) starts first, on the same data, for its start-up only.
        (double Ms, double CpuMs)? published = null;
        if (options.Published is { } publishedDll)
        {
            var (first, _, firstMs, firstCpuMs) = await LaunchAsync(publishedDll, env, log);
            first.Kill();
            await first.WaitForExitAsync();
            first.Dispose();
            published = (firstMs, firstCpuMs);
            log.WriteLine($"bench [{db}]: ReadyToRun publish: first page served {firstMs:F0} ms after start ({firstCpuMs:F0} ms of processor time)");
        }

        var (server, address, startupMs, startupCpuMs) = await LaunchAsync(options.Web, env, log);
        log.WriteLine($"bench [{db}]: app process {server.Id}");
        var instance = new AppInstance
        {
            Target = new BenchTarget(db, address, citizen, officer, demoCitizen, admin, data, connection, permits),
            Options = options,
            GenerationLine = generation,
            StartupMs = startupMs,
            StartupCpuMs = startupCpuMs,
            PublishedStartup = published,
            _server = server,
            _pgDirectory = pgDirectory,
            _keep = options.Data is not null,
        };
        log.WriteLine($"bench [{db}]: first page served {instance.StartupMs:F0} ms after start ({instance.StartupCpuMs:F0} ms of processor time)");
        await Task.Delay(2000);
        return instance;
    }

    /// <summary>Starts the app on a free port and waits for its first page: the process, its address, the wall and processor milliseconds it took.</summary>
    private static async Task<(Process Server, Uri Address, double Ms, double CpuMs)> LaunchAsync(string webDll, Dictionary<string, string> env, TextWriter log)
    {
        var listen = 27000 + Random.Shared.Next(3000);
        var info = new ProcessStartInfo("dotnet", [webDll, "--urls", $"http://127.0.0.1:{listen}"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (k, v) in env)
        {
            info.Environment[k] = v;
        }

        info.Environment["Logging__LogLevel__Default"] = "Warning";

        // One bench account files at the rate of a whole city; the per-account limits guard against one client, not this.
        info.Environment["RateLimits__SubmissionsPerMinute"] = "1000000";
        info.Environment["RateLimits__UploadsPerMinute"] = "1000000";
        var clock = Stopwatch.StartNew();
        var server = Process.Start(info)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log.WriteLine($"server: {e.Data}"); } };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{listen}");
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"the app exited with {server.ExitCode} before serving a page");
            }

            try
            {
                if ((await probe.GetAsync("/")).StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
                // On a loaded machine the first page can take longer than the probe's timeout: keep waiting.
            }

            await Task.Delay(25);
        }

        return (server, address, clock.Elapsed.TotalMilliseconds, StartupProcessorMs(server));
    }

    private static double StartupProcessorMs(Process server)
    {
        server.Refresh();
        return server.TotalProcessorTime.TotalMilliseconds;
    }

    /// <summary>The app process's processor time (user + system).</summary>
    public TimeSpan Cpu()
    {
        _server!.Refresh();
        return _server.TotalProcessorTime;
    }

    /// <summary>Resident set size of the app process, from /proc.</summary>
    public double RssMb()
    {
        if (_server is null || _server.HasExited)
        {
            return double.NaN;
        }

        foreach (var line in File.ReadLines($"/proc/{_server.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill();
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        if (_pgDirectory is not null)
        {
            await RunAsync("bash", [Path.Combine(Options.Root, "scripts/pg-throwaway.sh"), "stop", _pgDirectory], null, TextWriter.Null);
        }

        try
        {
            Directory.Delete(_keep ? Path.Combine(Target.DataDirectory, "bench-raw") : Target.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static async Task<string> RunAsync(string file, string[] arguments, IDictionary<string, string>? env, TextWriter log)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        }

        var err = await error;
        if (err.Length > 0)
        {
            log.Write(err);
        }

        return await output;
    }
}

/// <summary>Samples the app's resident memory while a scenario runs; keeps the peak.</summary>
internal sealed class RssSampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private double _peak;

    public RssSampler(AppInstance instance)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _peak = Math.Max(_peak, instance.RssMb());
                try
                {
                    await Task.Delay(200, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
    }

    public double PeakMb => _peak;

    public void Dispose()
    {
        _stop.Cancel();
        _loop.Wait();
        _stop.Dispose();
    }
}
