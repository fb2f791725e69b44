using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Anuyat.Infrastructure.Documents;
using Anuyat.Web.Tests.Documents;
using Anuyat.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Anuyat.Web.Tests.Production;

/// <summary>
/// What every <see cref="IDocumentStore"/> promises, run against the local data directory and against an S3-protocol
/// server (s3rver): addressed by SHA-256, idempotent puts, verified reads, nothing half-written.
/// </summary>
public abstract class DocumentStoreContractTests : IAsyncLifetime
{
    protected RecordingLog Log { get; } = new();

    protected IDocumentStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateAsync();

    public abstract Task DisposeAsync();

    [Fact]
    public async Task PutAsync_NewBytes_AddressedBySha256AndListed()
    {
        var bytes = Corpus.Pdf($"/Title ({Guid.NewGuid():N})");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var stored = await Store.PutAsync(new MemoryStream(bytes));

        Assert.Equal(new StoredDocument(sha, bytes.Length, AlreadyExisted: false), stored);
        Assert.True(await Store.ExistsAsync(sha));
        Assert.Equal([sha], await ListAsync());
    }

    [Fact]
    public async Task PutAsync_SameBytesTwice_IdempotentOneObject()
    {
        var bytes = Corpus.Png("same");

        var first = await Store.PutAsync(new MemoryStream(bytes));
        var second = await Store.PutAsync(new MemoryStream(bytes));

        Assert.Equal((false, true, first.Sha256), (first.AlreadyExisted, second.AlreadyExisted, second.Sha256));
        Assert.Single(await ListAsync());
    }

    [Fact]
    public async Task OpenReadAsync_LargeDocument_ReturnsTheSameBytes()
    {
        var bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(9).NextBytes(bytes);
        var stored = await Store.PutAsync(new MemoryStream(bytes));

        await using var stream = await Store.OpenReadAsync(stored.Sha256);
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task OpenReadAsync_BytesChangedInTheStore_ThrowsAndLogsSecurityEvent()
    {
        var stored = await Store.PutAsync(new MemoryStream(Corpus.Pdf()));
        await TamperAsync(stored.Sha256, Corpus.Pdf("/Title (tampered)"));

        await Assert.ThrowsAsync<DocumentIntegrityException>(() => Store.OpenReadAsync(stored.Sha256));

        var entry = Assert.Single(Log.Entries);
        Assert.Equal((LogLevel.Critical, "DocumentIntegrityFailure"), (entry.Level, entry.EventName));
        Assert.Contains(stored.Sha256, entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_SameBytesOverADamagedCopy_RepairsIt()
    {
        var bytes = Corpus.Jpeg("deed");
        var stored = await Store.PutAsync(new MemoryStream(bytes));
        await TamperAsync(stored.Sha256, Corpus.Jpeg("damaged"));

        var again = await Store.PutAsync(new MemoryStream(bytes));

        Assert.False(again.AlreadyExisted);
        await using var read = await Store.OpenReadAsync(stored.Sha256);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task OpenReadAsync_Missing_ReturnsNull()
    {
        Assert.Null(await Store.OpenReadAsync(new string('a', 64)));
        Assert.False(await Store.ExistsAsync(new string('b', 64)));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    public async Task OpenReadAsync_NotAHash_Refused(string address)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(address));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(address));
    }

    [Fact]
    public async Task DeleteAsync_Stored_GoneAfterwards()
    {
        var stored = await Store.PutAsync(new MemoryStream(Corpus.Png()));

        Assert.True(await Store.DeleteAsync(stored.Sha256));

        Assert.Null(await Store.OpenReadAsync(stored.Sha256));
        Assert.False(await Store.DeleteAsync(stored.Sha256));
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task PutAsync_ReadFailsHalfway_StoresNothing()
    {
        await Assert.ThrowsAsync<IOException>(() => Store.PutAsync(new FailingStream(Corpus.Pdf())));

        Assert.Empty(await ListAsync());
    }

    protected abstract Task<IDocumentStore> CreateAsync();

    /// <summary>Replaces the stored bytes behind the store's back, as disk rot or someone with bucket access would.</summary>
    protected abstract Task TamperAsync(string sha256, byte[] bytes);

    private async Task<List<string>> ListAsync()
    {
        var all = new List<string>();
        await foreach (var sha in Store.ListAsync())
        {
            all.Add(sha);
        }

        return all;
    }

    private sealed class FailingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position > 0 ? throw new IOException("connection reset") : base.ReadAsync(buffer[..10], cancellationToken);
    }
}

public sealed class LocalDocumentStoreContractTests : DocumentStoreContractTests
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "anuyat-contract-" + Guid.NewGuid().ToString("N")[..12]);

    public override Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    protected override Task<IDocumentStore> CreateAsync() => Task.FromResult<IDocumentStore>(new LocalDocumentStore(_root, Log.For<LocalDocumentStore>()));

    protected override Task TamperAsync(string sha256, byte[] bytes) =>
        File.WriteAllBytesAsync(Path.Combine(_root, sha256[..2], sha256[2..4], sha256), bytes);
}

public sealed class S3DocumentStoreContractTests : DocumentStoreContractTests, IDisposable
{
    private readonly S3DocumentStoreOptions _options = TestS3.NewBucket();
    private readonly string _spool = Path.Combine(Path.GetTempPath(), "anuyat-spool-" + Guid.NewGuid().ToString("N")[..12]);
    private S3DocumentStore? _store;

    public void Dispose() => _store?.Dispose();

    public override Task DisposeAsync()
    {
        _store?.Dispose();
        Assert.Empty(Directory.GetFiles(_spool)); // every temporary download and upload file is gone
        Directory.Delete(_spool, recursive: true);
        return Task.CompletedTask;
    }

    protected override async Task<IDocumentStore> CreateAsync()
    {
        _store = new S3DocumentStore(_options, _spool, Log.For<S3DocumentStore>());
        await _store.CheckAsync();
        return _store;
    }

    protected override async Task TamperAsync(string sha256, byte[] bytes)
    {
        using var client = RawClient(_options);
        await client.PutObjectAsync(new PutObjectRequest { BucketName = _options.Bucket, Key = _options.Prefix + sha256, InputStream = new MemoryStream(bytes), UseChunkEncoding = false });
    }

    public static AmazonS3Client RawClient(S3DocumentStoreOptions options) => new(
        new BasicAWSCredentials(options.AccessKey, options.SecretKey),
        new AmazonS3Config
        {
            ServiceURL = options.Endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = options.Region,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
}

/// <summary>Keeps log entries of any category so a test can assert that a security event was written.</summary>
public sealed class RecordingLog
{
    public List<(LogLevel Level, string? EventName, string Message)> Entries { get; } = [];

    public ILogger<T> For<T>() => new Logger<T>(this);

    private sealed class Logger<T>(RecordingLog log) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (log.Entries)
            {
                log.Entries.Add((logLevel, eventId.Name, formatter(state, exception)));
            }
        }
    }
}
