using System.Security.Cryptography;
using Anuyat.Infrastructure.Documents;
using Microsoft.Extensions.Logging;

namespace Anuyat.Web.Tests.Documents;

public sealed class LocalDocumentStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "anuyat-store-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly RecordingLogger _logger = new();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task PutAsync_NewBytes_StoredUnderShardedHashPath()
    {
        var bytes = Corpus.Pdf();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var stored = await Store().PutAsync(new MemoryStream(bytes));

        Assert.Equal(new StoredDocument(sha, bytes.Length, AlreadyExisted: false), stored);
        var path = Path.Combine(_root, sha[..2], sha[2..4], sha);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Empty(Directory.GetFiles(Path.Combine(_root, "tmp")));
    }

    [Fact]
    public async Task PutAsync_SameBytesTwice_IdempotentOneFile()
    {
        var store = Store();
        var bytes = Corpus.Png("same");

        var first = await store.PutAsync(new MemoryStream(bytes));
        var second = await store.PutAsync(new MemoryStream(bytes));

        Assert.False(first.AlreadyExisted);
        Assert.True(second.AlreadyExisted);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Single(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task OpenReadAsync_Stored_ReturnsTheSameBytes()
    {
        var store = Store();
        var bytes = Corpus.Jpeg("deed");
        var stored = await store.PutAsync(new MemoryStream(bytes));

        await using var stream = await store.OpenReadAsync(stored.Sha256);
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
        Assert.True(await store.ExistsAsync(stored.Sha256));
    }

    [Fact]
    public async Task OpenReadAsync_BytesChangedOnDisk_ThrowsAndLogsSecurityEvent()
    {
        var store = Store();
        var stored = await store.PutAsync(new MemoryStream(Corpus.Pdf()));
        var path = Path.Combine(_root, stored.Sha256[..2], stored.Sha256[2..4], stored.Sha256);
        await File.WriteAllBytesAsync(path, Corpus.Pdf("/Title (tampered)"));

        await Assert.ThrowsAsync<DocumentIntegrityException>(() => store.OpenReadAsync(stored.Sha256));

        var entry = Assert.Single(_logger.Entries);
        Assert.Equal((LogLevel.Critical, "DocumentIntegrityFailure"), (entry.Level, entry.EventName));
        Assert.Contains(stored.Sha256, entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_SameBytesOverADamagedCopy_RepairsItAndLogsSecurityEvent()
    {
        var store = Store();
        var bytes = Corpus.Pdf();
        var stored = await store.PutAsync(new MemoryStream(bytes));
        var path = Path.Combine(_root, stored.Sha256[..2], stored.Sha256[2..4], stored.Sha256);
        await File.WriteAllBytesAsync(path, Corpus.Pdf("/Title (damaged)"));

        var again = await store.PutAsync(new MemoryStream(bytes));

        Assert.False(again.AlreadyExisted);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Equal("DocumentIntegrityFailure", Assert.Single(_logger.Entries).EventName);
        await using var read = await store.OpenReadAsync(stored.Sha256);
        Assert.NotNull(read);
    }

    [Fact]
    public async Task OpenReadAsync_Missing_ReturnsNull()
    {
        Assert.Null(await Store().OpenReadAsync(new string('a', 64)));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("abc")]
    [InlineData("../../../../../../../../../../../../../../../../../../../../../../x")]
    public async Task OpenReadAsync_NotAHash_RefusedBeforeAnyPathIsBuilt(string address)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store().OpenReadAsync(address));
        await Assert.ThrowsAsync<ArgumentException>(() => Store().DeleteAsync(address));
    }

    [Fact]
    public async Task DeleteAsync_Stored_GoneAfterwards()
    {
        var store = Store();
        var stored = await store.PutAsync(new MemoryStream(Corpus.Png()));

        Assert.True(await store.DeleteAsync(stored.Sha256));

        Assert.False(await store.ExistsAsync(stored.Sha256));
        Assert.Null(await store.OpenReadAsync(stored.Sha256));
        Assert.False(await store.DeleteAsync(stored.Sha256));
    }

    [Fact]
    public async Task PutAsync_ReadFailsHalfway_LeavesNothingBehind()
    {
        var store = Store();

        await Assert.ThrowsAsync<IOException>(() => store.PutAsync(new FailingStream(Corpus.Pdf())));

        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    private LocalDocumentStore Store() => new(_root, _logger);

    /// <summary>A client that disconnects mid-upload: some bytes, then an error.</summary>
    private sealed class FailingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position > 0 ? throw new IOException("connection reset") : base.ReadAsync(buffer[..10], cancellationToken);
    }
}

/// <summary>Keeps log entries so a test can assert that a security event was written.</summary>
public sealed class RecordingLogger : ILogger<LocalDocumentStore>
{
    public List<(LogLevel Level, string? EventName, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((logLevel, eventId.Name, formatter(state, exception)));
}
