using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Anuyat.Infrastructure.Documents;

/// <summary>Where <c>clamd</c> listens (configuration <c>Uploads:ClamAv:Host</c> and <c>Port</c>); unset means no scanner.</summary>
public sealed class ClamAvOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 3310;

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>How often files kept "pending scan" (clamd did not answer) are tried again.</summary>
    public int RetrySeconds { get; set; } = 60;
}

/// <summary>
/// Streams bytes to ClamAV's <c>clamd</c> with <c>zINSTREAM</c> over TCP (no shared paths). Any failure — refused
/// connection, timeout, an error reply such as "size limit exceeded" (clamd's StreamMaxLength defaults to 25 MB) — is
/// <see cref="ScanOutcome.Unavailable"/>: the file is kept "pending scan" and nobody may open it (fail closed).
/// </summary>
public sealed partial class ClamAvScanner(ClamAvOptions options, ILogger<ClamAvScanner> logger) : IMalwareScanner
{
    private const int ChunkSize = 65536;

    public async Task<ScanVerdict> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(options.Host!, options.Port, timeout.Token);
            await using var stream = client.GetStream();
            await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), timeout.Token);
            var length = new byte[4];
            for (var offset = 0; offset < content.Length; offset += ChunkSize)
            {
                var chunk = content.Slice(offset, Math.Min(ChunkSize, content.Length - offset));
                BinaryPrimitives.WriteUInt32BigEndian(length, (uint)chunk.Length);
                await stream.WriteAsync(length, timeout.Token);
                await stream.WriteAsync(chunk, timeout.Token);
            }

            BinaryPrimitives.WriteUInt32BigEndian(length, 0);
            await stream.WriteAsync(length, timeout.Token);
            await stream.FlushAsync(timeout.Token);

            var reply = await ReadReplyAsync(stream, timeout.Token);
            return Interpret(reply);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(logger, options.Host ?? string.Empty, options.Port, e.Message);
            return new ScanVerdict(ScanOutcome.Unavailable, e.GetType().Name);
        }
    }

    /// <summary>Reads clamd's reply, e.g. <c>stream: OK</c> or <c>stream: Eicar-Test-Signature FOUND</c>.</summary>
    public static ScanVerdict Interpret(string reply)
    {
        var text = reply.TrimEnd('\0', '\n', ' ');
        if (text.EndsWith(": OK", StringComparison.Ordinal))
        {
            return new ScanVerdict(ScanOutcome.Clean);
        }

        if (text.EndsWith(" FOUND", StringComparison.Ordinal))
        {
            var start = text.IndexOf(": ", StringComparison.Ordinal);
            var signature = start < 0 ? text : text[(start + 2)..^" FOUND".Length];
            return new ScanVerdict(ScanOutcome.Infected, signature);
        }

        return new ScanVerdict(ScanOutcome.Unavailable, text);
    }

    private static async Task<string> ReadReplyAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var reply = new List<byte>();
        var buffer = new byte[256];
        while (reply.Count < 4096)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            var end = Array.IndexOf(buffer, (byte)0, 0, read);
            reply.AddRange(buffer.AsSpan(0, end < 0 ? read : end));
            if (end >= 0)
            {
                break;
            }
        }

        return Encoding.ASCII.GetString(reply.ToArray());
    }

    [LoggerMessage(EventId = 9003, EventName = "VirusScannerUnavailable", Level = LogLevel.Error,
        Message = "Virus scanner clamd at {Host}:{Port} gave no answer ({Reason}); the file stays pending scan")]
    private static partial void LogUnavailable(ILogger logger, string host, int port, string reason);
}
