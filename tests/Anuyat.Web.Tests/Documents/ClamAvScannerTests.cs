using System.Net;
using System.Net.Sockets;
using System.Text;
using Anuyat.Infrastructure.Documents;
using Microsoft.Extensions.Logging.Abstractions;

namespace Anuyat.Web.Tests.Documents;

/// <summary>The clamd INSTREAM client against a stand-in server speaking the protocol (no ClamAV needed).</summary>
public sealed class ClamAvScannerTests
{
    [Theory]
    [InlineData("stream: OK", ScanOutcome.Clean, null)]
    [InlineData("stream: Eicar-Test-Signature FOUND", ScanOutcome.Infected, "Eicar-Test-Signature")]
    [InlineData("INSTREAM size limit exceeded. ERROR", ScanOutcome.Unavailable, "INSTREAM size limit exceeded. ERROR")]
    public async Task ScanAsync_ClamdReplies_InterpretedAndBytesSentInChunks(string reply, ScanOutcome outcome, string? signature)
    {
        var content = Corpus.Pdf(extraObject: new byte[150_000]); // more than one 64 KB chunk
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var server = ServeOnceAsync(listener, reply);

        var verdict = await Scanner(((IPEndPoint)listener.LocalEndpoint).Port).ScanAsync(content);

        Assert.Equal(new ScanVerdict(outcome, signature), verdict);
        var (command, received) = await server;
        Assert.Equal("zINSTREAM", command);
        Assert.Equal(content, received);
    }

    [Fact]
    public async Task ScanAsync_NobodyListening_UnavailableSoTheUploadIsRefused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var verdict = await Scanner(port).ScanAsync(Corpus.Pdf());

        Assert.Equal(ScanOutcome.Unavailable, verdict.Outcome);
    }

    private static ClamAvScanner Scanner(int port) =>
        new(new ClamAvOptions { Host = "127.0.0.1", Port = port, TimeoutSeconds = 20 }, NullLogger<ClamAvScanner>.Instance);

    private static async Task<(string Command, byte[] Received)> ServeOnceAsync(TcpListener listener, string reply)
    {
        using var client = await listener.AcceptTcpClientAsync();
        await using var stream = client.GetStream();
        var command = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1 && one[0] != 0)
        {
            command.Append((char)one[0]);
        }

        using var received = new MemoryStream();
        var header = new byte[4];
        while (true)
        {
            await stream.ReadExactlyAsync(header);
            var length = (header[0] << 24) | (header[1] << 16) | (header[2] << 8) | header[3];
            if (length == 0)
            {
                break;
            }

            var chunk = new byte[length];
            await stream.ReadExactlyAsync(chunk);
            received.Write(chunk);
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\0"));
        return (command.ToString(), received.ToArray());
    }
}
