using System.Security.Cryptography;
using Anuyat.Infrastructure.Platform;
using Microsoft.Extensions.Logging;

namespace Anuyat.Infrastructure.Documents;

/// <summary>
/// Documents as files under <see cref="DataDirectory.Documents"/> (never under the web root), sharded by the first two
/// byte pairs of the hash: <c>ab/cd/abcd…</c>, so no folder grows past a few thousand entries. Writes go to a temporary
/// file in the same file system, are flushed to disk, then renamed into place: a crash leaves either the whole file or
/// nothing under its address.
/// </summary>
public sealed partial class LocalDocumentStore : IDocumentStore
{
    private const int BufferSize = 81920;
    private readonly string _root;
    private readonly string _temp;
    private readonly ILogger<LocalDocumentStore> _logger;

    public LocalDocumentStore(DataDirectory data, ILogger<LocalDocumentStore> logger)
        : this(data.Documents, logger)
    {
    }

    public LocalDocumentStore(string root, ILogger<LocalDocumentStore> logger)
    {
        _root = Path.GetFullPath(root);
        _temp = Path.Combine(_root, "tmp");
        Directory.CreateDirectory(_temp);
        _logger = logger;
    }

    public async Task<StoredDocument> PutAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var tempPath = Path.Combine(_temp, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            string sha256;
            long length = 0;
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    length += read;
                }

                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true); // fsync: the bytes are on disk before the name points at them.
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            var target = PathFor(sha256);
            if (File.Exists(target))
            {
                if (await MatchesAsync(target, sha256, cancellationToken))
                {
                    return new StoredDocument(sha256, length, AlreadyExisted: true);
                }

                // The copy on disk was damaged or altered; the bytes just received are the right ones, so they heal it.
                File.Move(tempPath, target, overwrite: true);
                FlushDirectory(Path.GetDirectoryName(target)!);
                return new StoredDocument(sha256, length, AlreadyExisted: false);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                // Atomic within one file system. Another writer of the same bytes may win the race; its file is identical.
                File.Move(tempPath, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                return new StoredDocument(sha256, length, AlreadyExisted: true);
            }

            FlushDirectory(Path.GetDirectoryName(target)!);
            return new StoredDocument(sha256, length, AlreadyExisted: false);
        }
        finally
        {
            if (File.Exists(tempPath))
            {
                File.Delete(tempPath);
            }
        }
    }

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var path = PathFor(DocumentHash.Require(sha256));
        FileStream file;
        try
        {
            // FileShare.Read: nobody may change the file between the check below and the caller's read.
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
            if (!string.Equals(actual, sha256, StringComparison.Ordinal))
            {
                LogIntegrityFailure(_logger, sha256, actual);
                throw new DocumentIntegrityException($"Document {sha256} does not match its hash (found {actual}).");
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private async Task<bool> MatchesAsync(string path, string sha256, CancellationToken cancellationToken)
    {
        await using var existing = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(existing, cancellationToken));
        if (string.Equals(actual, sha256, StringComparison.Ordinal))
        {
            return true;
        }

        LogIntegrityFailure(_logger, sha256, actual);
        return false;
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathFor(DocumentHash.Require(sha256))));

    public Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var path = PathFor(DocumentHash.Require(sha256));
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    public async IAsyncEnumerable<string> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var path in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileName(path);
            if (DocumentHash.IsValid(name) && string.Equals(path, PathFor(name), StringComparison.Ordinal))
            {
                yield return name;
            }
        }
    }

    /// <summary>The file for a validated hash: <c>root/ab/cd/abcd…</c>.</summary>
    internal string PathFor(string sha256) => Path.Combine(_root, sha256[..2], sha256[2..4], sha256);

    private static void FlushDirectory(string directory)
    {
        // Makes the rename itself durable on Linux. Windows cannot open a directory this way, and does not need to.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            using var handle = File.OpenHandle(directory, FileMode.Open, FileAccess.Read);
            RandomAccess.FlushToDisk(handle);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The data file itself is already on disk; only the rename's durability is weaker here.
        }
    }

    [LoggerMessage(EventId = 9001, EventName = "DocumentIntegrityFailure", Level = LogLevel.Critical,
        Message = "SECURITY: stored document {Expected} does not match its hash (read {Actual}); refused to serve it")]
    private static partial void LogIntegrityFailure(ILogger logger, string expected, string actual);
}
