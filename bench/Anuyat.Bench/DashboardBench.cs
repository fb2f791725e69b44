using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Anuyat.Bench;

/// <summary>
/// Issue 7's benchmark: the dashboard's latency at a given number of applications, beside a full scan of the
/// applications table on the same machine in the same run. <c>bench/dashboard.sh --applications N [--db sqlite|postgres]
/// [--data DIR] [--pg CONNECTION] [--seconds S] [--out FILE]</c>.
/// <list type="bullet">
/// <item>With <c>--data DIR</c> the database is kept: generated once (<c>demo generate</c>, at lower priority so the
/// neighbours keep the machine) and reused by later runs, which read the generation figures from DIR/generation.txt.</item>
/// <item>The page is read by one client at a time (requests back to back, each after the last answered), so the
/// percentiles are the time of one page view, not of a queue; the app's processor time per request is recorded
/// beside them because it does not depend on the neighbours.</item>
/// </list>
/// </summary>
internal static class DashboardBench
{
    private static readonly string[] Paths = ["/dashboard", "/api/v1/stats?groupBy=district"];

    public static async Task<int> RunAsync(string[] args, string root)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var applications = int.Parse(Value("--applications") ?? "10000", CultureInfo.InvariantCulture);
        var db = Value("--db") ?? "sqlite";
        var seconds = double.Parse(Value("--seconds") ?? "30", CultureInfo.InvariantCulture);
        var web = Value("--web") ?? Path.Combine(root, "src/Anuyat.Web/bin/Release/net10.0/Anuyat.Web.dll");
        var keep = Value("--data") is not null;
        var data = Value("--data") ?? Path.Combine(Path.GetTempPath(), $"anuyat-dash-{db}-{Guid.NewGuid():N}"[..36]);
        Directory.CreateDirectory(data);
        var env = new Dictionary<string, string> { ["ANUYAT_DATA"] = data, ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Database__Provider"] = db == "postgres" ? "Postgres" : "Sqlite" };
        var pg = Value("--pg");
        if (db == "postgres")
        {
            env["ConnectionStrings__Anuyat"] = pg ?? throw new InvalidOperationException("--db postgres needs --pg CONNECTION (a database of its own)");
        }

        var log = Console.Out;
        var report = new StringBuilder();
        var generationFile = Path.Combine(data, "generation.txt");
        if (!File.Exists(generationFile))
        {
            if (db == "postgres")
            {
                await AppInstance.RunAsync("dotnet", [web, "db", "migrate"], env, log);
            }

            var until = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            log.WriteLine($"dashboard bench [{db}]: generating {applications:N0} applications into {data} (nice 10)");
            var wall = Stopwatch.StartNew();
            var (output, error, cpu) = await RunMeasuredAsync("nice", ["-n", "10", "dotnet", web, "demo", "generate", "--applications", applications.ToString(CultureInfo.InvariantCulture), "--seed", "2569", "--until", until], env);
            var lines = $"generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: wall {wall.Elapsed.TotalSeconds:F0} s, processor {cpu.TotalSeconds:F0} s (user + system of the generator), load average before {LoadAverage()}\n{error.Trim()}\n{output.Trim()}\n";
            await File.WriteAllTextAsync(generationFile, lines);
        }

        var generation = (await File.ReadAllTextAsync(generationFile)).Trim();
        log.WriteLine(generation);
        var count = await CountAsync(db, data, pg);
        var bytes = db == "postgres" ? await PgSizeAsync(pg!) : Directory.GetFiles(data, "anuyat.db*").Sum(f => new FileInfo(f).Length);

        // The same question the dashboard answers, asked of every row: what a page would cost without the rollups.
        var scans = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            var answer = await ScanAsync(db, data, pg);
            scans.Add(watch.Elapsed.TotalMilliseconds);
            log.WriteLine($"full scan {i + 1}: {watch.Elapsed.TotalMilliseconds:F0} ms ({answer})");
        }

        var strategy = (await AppInstance.RunAsync("dotnet", [web, "token", "create", "--email", "strategy@anuyat.test", "--role", "strategy"], env, log)).Trim();
        // Twice: first with the slice cache off, so every request reads the rollups (what the first look at a filter
        // costs), then with the default cache, so requests within a minute of each other are answered from memory.
        var rows = new List<string>();
        foreach (var (cacheSeconds, mode) in new[] { ("0", "cold: cache off, every request reads the rollups"), ("60", "warm: the default 60 s slice cache") })
        {
            rows.AddRange(await MeasureAsync(web, env, strategy, db, count, seconds, cacheSeconds, mode, log));
        }

        var load = LoadAverage();
        report.AppendLine(CultureInfo.InvariantCulture, $"#### {count:N0} applications on {(db == "postgres" ? "PostgreSQL" : "SQLite")} — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average at the end {load}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"- Generation: {generation.Split('\n')[0]}");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Database: {bytes / 1e9:F2} GB on disk, {(double)bytes / Math.Max(1, count):F0} bytes per application (all tables and indexes)");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Full scan of the applications table (`count(*), sum(length(answers))`): {string.Join(" / ", scans.Select(s => s.ToString("F0", CultureInfo.InvariantCulture) + " ms"))} (three runs, the first after start)");
        report.AppendLine();
        report.AppendLine("| Database | Applications | Request | Slice cache | Requests | p50 ms | p95 ms | p99 ms | App CPU ms / request | Body |");
        report.AppendLine("|---|---:|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            report.AppendLine(row);
        }

        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Full scan, median of three: {Percentile(SortedCopy(scans), 0.5):F0} ms.");
        var text = report.ToString();
        Console.WriteLine(text);
        if (Value("--out") is { } outFile)
        {
            await File.AppendAllTextAsync(outFile, text + "\n");
        }

        if (!keep)
        {
            Directory.Delete(data, recursive: true);
        }

        return 0;
    }

    private static async Task<List<string>> MeasureAsync(string web, Dictionary<string, string> env, string strategy, string db, long count, double seconds, string cacheSeconds, string mode, TextWriter log)
    {
        var listen = 27000 + Random.Shared.Next(3000);
        var info = new ProcessStartInfo("dotnet", [web, "--urls", $"http://127.0.0.1:{listen}"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (k, v) in env)
        {
            info.Environment[k] = v;
        }

        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Stats__CacheSeconds"] = cacheSeconds;

        // The deadline duties' passes over every open file are bench/run.sh's to measure (scenario 6); here they would
        // charge a pass over millions of files to the pages, so the page's own cost is what the columns show.
        info.Environment["Applications__ClockDutiesWorker"] = "false";
        using var server = Process.Start(info)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log.WriteLine($"server: {e.Data}"); } };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var rows = new List<string>();
        try
        {
            using var client = Scenarios.Client(new Uri($"http://127.0.0.1:{listen}"), 1, strategy);
            await WaitForAsync(client, server);
            foreach (var path in Paths)
            {
                // Unrecorded warm-up: JIT, EF query compilation, the page cache of the rollup tables.
                for (var i = 0; i < 20; i++)
                {
                    await GetAsync(client, path);
                }

                server.Refresh();
                var cpuBefore = server.TotalProcessorTime;
                var times = new List<double>();
                var bodyBytes = 0;
                var run = Stopwatch.StartNew();
                while (run.Elapsed.TotalSeconds < seconds || times.Count < 50)
                {
                    var watch = Stopwatch.StartNew();
                    bodyBytes = await GetAsync(client, path);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                server.Refresh();
                var cpuMs = (server.TotalProcessorTime - cpuBefore).TotalMilliseconds / times.Count;
                times.Sort();
                var row = string.Create(CultureInfo.InvariantCulture, $"| {db} | {count:N0} | `GET {path}` | {mode} | {times.Count} | {Percentile(times, 0.50):F1} | {Percentile(times, 0.95):F1} | {Percentile(times, 0.99):F1} | {cpuMs:F1} | {bodyBytes / 1024.0:F0} KB |");
                rows.Add(row);
                log.WriteLine(row);
            }
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill();
                await server.WaitForExitAsync();
            }
        }

        return rows;
    }

    private static List<double> SortedCopy(List<double> values)
    {
        var copy = values.ToList();
        copy.Sort();
        return copy;
    }

    private static double Percentile(List<double> sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static async Task<int> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
        }

        return body.Length;
    }

    private static async Task WaitForAsync(HttpClient client, Process server)
    {
        while (true)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"the app exited with {server.ExitCode} before serving a page");
            }

            try
            {
                if ((await client.GetAsync("/")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }
    }

    private static async Task<long> CountAsync(string db, string data, string? pg)
    {
        if (db == "postgres")
        {
            await using var connection = new NpgsqlConnection(pg);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM applications", connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        await using var sqlite = new SqliteConnection($"Data Source={Path.Combine(data, "anuyat.db")};Mode=ReadOnly;Pooling=False");
        await sqlite.OpenAsync();
        await using var count = sqlite.CreateCommand();
        count.CommandText = "SELECT max(rowid) FROM applications";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task<string> ScanAsync(string db, string data, string? pg)
    {
        const string sql = "SELECT count(*), sum(length(\"AnswersJson\")) FROM applications";
        if (db == "postgres")
        {
            await using var connection = new NpgsqlConnection(pg);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return $"{reader.GetInt64(0):N0} rows, {reader.GetValue(1)} characters of answers";
        }

        await using var sqlite = new SqliteConnection($"Data Source={Path.Combine(data, "anuyat.db")};Mode=ReadOnly;Pooling=False");
        await sqlite.OpenAsync();
        await using var scan = sqlite.CreateCommand();
        scan.CommandText = sql;
        scan.CommandTimeout = 3600;
        await using var rows = await scan.ExecuteReaderAsync();
        await rows.ReadAsync();
        return $"{rows.GetInt64(0):N0} rows, {rows.GetValue(1)} characters of answers";
    }

    private static async Task<long> PgSizeAsync(string pg)
    {
        await using var connection = new NpgsqlConnection(pg);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs a command to its end and returns its output and the processor time it and its children used.</summary>
    private static async Task<(string Output, string Error, TimeSpan Cpu)> RunMeasuredAsync(string file, string[] arguments, IDictionary<string, string> env)
    {
        var info = new ProcessStartInfo("/usr/bin/time", ["-f", "cpu %U %S", file, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (k, v) in env)
        {
            info.Environment[k] = v;
        }

        using var process = Process.Start(info)!;
        var error = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine(e.Data);
                lock (error)
                {
                    error.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {error}");
        }

        var text = error.ToString();
        var cpuLine = text.Split('\n').LastOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        var cpu = TimeSpan.Zero;
        if (cpuLine is not null)
        {
            var parts = cpuLine.Split(' ');
            cpu = TimeSpan.FromSeconds(double.Parse(parts[1], CultureInfo.InvariantCulture) + double.Parse(parts[2], CultureInfo.InvariantCulture));
            text = text.Replace(cpuLine, string.Empty, StringComparison.Ordinal);
        }

        return (output, text, cpu);
    }
}
