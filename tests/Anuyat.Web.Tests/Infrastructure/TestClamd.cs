using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Anuyat.Web.Tests.Infrastructure;

/// <summary>
/// The ClamAV daemon the virus-scan tests use: the one in <c>ANUYAT_TEST_CLAMD</c> (<c>host:port</c>, started by
/// scripts/test.sh), or one this process starts with scripts/clamd.sh. Its database is written by that script: the
/// EICAR test file by MD5 and <see cref="Marker"/>, which a test puts inside an otherwise valid PDF.
/// </summary>
public static class TestClamd
{
    /// <summary>Bytes clamd's test database flags as <c>Anuyat.Test.Marker</c> wherever they appear.</summary>
    public const string Marker = "ANUYAT-TEST-MALWARE-MARKER-7f3c";

    private static readonly Lazy<(string Host, int Port)> Server = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Host => Server.Value.Host;

    public static int Port => Server.Value.Port;

    private static (string, int) StartOrFind()
    {
        var configured = Environment.GetEnvironmentVariable("ANUYAT_TEST_CLAMD");
        if (string.IsNullOrWhiteSpace(configured))
        {
            var script = Path.Combine(RepositoryRoot.Path, "scripts", "clamd.sh");
            var dir = Path.Combine(Path.GetTempPath(), "anuyat-clamd-" + Environment.ProcessId);
            // Its own range: TestPostgres takes 15400 + pid % 500, and a run that starts both must not give them one port.
            var port = 16400 + (Environment.ProcessId % 500);
            var start = Process.Start(new ProcessStartInfo("bash", [script, "start", dir, port.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            configured = start.StandardOutput.ReadToEnd().Trim();
            var error = start.StandardError.ReadToEnd();
            start.WaitForExit();
            if (start.ExitCode != 0)
            {
                throw new InvalidOperationException("Could not start clamd (apt-get install clamav-daemon, or set ANUYAT_TEST_CLAMD=host:port): " + error);
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) => Process.Start("bash", [script, "stop", dir])?.WaitForExit();
        }

        var parts = configured.Split(':');
        return (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// A TCP relay in front of clamd that a test can switch off: while "down" it accepts and closes at once, which the
/// scanner reads as "no answer" — clamd being unreachable, without stopping the real one.
/// </summary>
public sealed class SwitchableClamd : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public SwitchableClamd()
    {
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public bool Up { get; set; } = true;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        {
            if (!Up)
            {
                return;
            }

            using var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(TestClamd.Host, TestClamd.Port);
                await using var a = client.GetStream();
                await using var b = upstream.GetStream();
                var toClamd = a.CopyToAsync(b);
                await b.CopyToAsync(a);
                await toClamd.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                // The client went away; nothing to relay.
            }
        }
    }
}
