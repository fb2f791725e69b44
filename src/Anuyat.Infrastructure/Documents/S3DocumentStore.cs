using System.Net;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Anuyat.Infrastructure.Platform;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Anuyat.Infrastructure.Documents;

/// <summary>
/// <c>Documents:S3:*</c>: where an S3-compatible object store is and how to sign in to it. Read once at start; a
/// missing or malformed setting stops the start with the setting named (<see cref="FromConfiguration"/>).
/// </summary>
public sealed class S3DocumentStoreOptions
{
    public const string Section = "Documents:S3";

    /// <summary>The service URL, e.g. <c>https://s3.ap-southeast-1.amazonaws.com</c> or a MinIO/Ceph endpoint.</summary>
    public required Uri Endpoint { get; init; }

    public required string Bucket { get; init; }

    public required string AccessKey { get; init; }

    public required string SecretKey { get; init; }

    /// <summary>Signing region; most S3-compatible servers accept any, AWS needs the bucket's.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary><c>endpoint/bucket/key</c> rather than <c>bucket.endpoint/key</c>: what MinIO, Ceph and s3rver expect.</summary>
    public bool ForcePathStyle { get; init; } = true;

    /// <summary>Keys are <c>{Prefix}{sha256}</c>; a prefix per tenant lets several administrations share one bucket.</summary>
    public string Prefix { get; init; } = "documents/";

    /// <summary>Creates the bucket at start when missing (test and single-machine set-ups); production buckets are provisioned.</summary>
    public bool CreateBucket { get; init; }

    public static S3DocumentStoreOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        string Required(string name) => string.IsNullOrWhiteSpace(section[name])
            ? throw new StartupException($"Documents__S3__{name}: required when Documents__Store=S3.")
            : section[name]!;

        var endpointText = Required("Endpoint");
        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new StartupException($"Documents__S3__Endpoint: expected an http(s) URL, got '{endpointText}'.");
        }

        var bucket = Required("Bucket");
        if (bucket.Length is < 3 or > 63 || !bucket.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.'))
        {
            throw new StartupException($"Documents__S3__Bucket: '{bucket}' is not a valid bucket name (3–63 lowercase letters, digits, '-' or '.').");
        }

        bool Flag(string name, bool fallback) => section[name] is not { } text
            ? fallback
            : bool.TryParse(text, out var value) ? value : throw new StartupException($"Documents__S3__{name}: expected true or false, got '{text}'.");

        return new S3DocumentStoreOptions
        {
            Endpoint = endpoint,
            Bucket = bucket,
            AccessKey = Required("AccessKey"),
            SecretKey = Required("SecretKey"),
            Region = string.IsNullOrWhiteSpace(section["Region"]) ? "us-east-1" : section["Region"]!,
            ForcePathStyle = Flag("ForcePathStyle", true),
            Prefix = section["Prefix"] ?? "documents/",
            CreateBucket = Flag("CreateBucket", false),
        };
    }
}

/// <summary>
/// Documents in an S3-compatible bucket under <c>{prefix}{sha256}</c>. The same contract as the local store: a put
/// hashes while it spools the bytes to a temporary file under the data directory and only then uploads them under
/// their hash (an object is written whole by S3 or not at all, so a crash never leaves half a document under an
/// address); a read downloads to a temporary file while hashing and hands out the bytes only when the hash matches.
/// </summary>
public sealed partial class S3DocumentStore : IDocumentStore, IDisposable
{
    private const int BufferSize = 81920;
    private readonly AmazonS3Client _client;
    private readonly S3DocumentStoreOptions _options;
    private readonly string _spool;
    private readonly ILogger<S3DocumentStore> _logger;

    public S3DocumentStore(S3DocumentStoreOptions options, DataDirectory data, ILogger<S3DocumentStore> logger)
        : this(options, Path.Combine(data.Root, "spool"), logger)
    {
    }

    public S3DocumentStore(S3DocumentStoreOptions options, string spool, ILogger<S3DocumentStore> logger)
    {
        _options = options;
        _logger = logger;
        _spool = Path.GetFullPath(spool);
        Directory.CreateDirectory(_spool);
        var config = new AmazonS3Config
        {
            ServiceURL = options.Endpoint.ToString(),
            ForcePathStyle = options.ForcePathStyle,
            AuthenticationRegion = options.Region,
            // Checksums only where the protocol requires them: S3-compatible servers differ in the newer trailing
            // checksums, and integrity is ours to check anyway (SHA-256 of the whole document, on every read).
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            MaxErrorRetry = 3,
            Timeout = TimeSpan.FromSeconds(60),
        };
        _client = new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public string Bucket => _options.Bucket;

    /// <summary>
    /// Checks at start that the bucket can be reached with these keys (creating it when <c>CreateBucket</c> is set);
    /// a failure becomes one line naming the setting most likely wrong.
    /// </summary>
    public async Task CheckAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            if (_options.CreateBucket && !await BucketExistsAsync(cancellationToken))
            {
                await _client.PutBucketAsync(new PutBucketRequest { BucketName = _options.Bucket }, cancellationToken);
            }

            await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _options.Bucket, MaxKeys = 1, Prefix = _options.Prefix }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new StartupException($"Documents__S3__Bucket: bucket '{_options.Bucket}' does not exist at {_options.Endpoint}.", e);
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            throw new StartupException($"Documents__S3__AccessKey: the object store refused these keys for bucket '{_options.Bucket}' ({e.ErrorCode}).", e);
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or IOException or TaskCanceledException)
        {
            throw new StartupException($"Documents__S3__Endpoint: cannot reach the object store at {_options.Endpoint} ({e.GetBaseException().Message}).", e);
        }
    }

    public async Task<StoredDocument> PutAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var spoolPath = Path.Combine(_spool, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            string sha256;
            long length = 0;
            await using (var file = new FileStream(spoolPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
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

                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            if (await ExistsAsync(sha256, cancellationToken))
            {
                var existing = await DownloadVerifiedAsync(sha256, cancellationToken);
                if (existing is not null)
                {
                    await existing.DisposeAsync();
                    return new StoredDocument(sha256, length, AlreadyExisted: true);
                }

                // The stored object was damaged or altered (already logged); the bytes just received heal it.
            }

            await using (var upload = new FileStream(spoolPath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan))
            {
                var request = new PutObjectRequest
                {
                    BucketName = _options.Bucket,
                    Key = KeyFor(sha256),
                    InputStream = upload,
                    AutoCloseStream = false,
                    ContentType = "application/octet-stream",
                    UseChunkEncoding = false,
                };
                request.Metadata["sha256"] = sha256;
                await _client.PutObjectAsync(request, cancellationToken);
            }

            return new StoredDocument(sha256, length, AlreadyExisted: false);
        }
        finally
        {
            File.Delete(spoolPath);
        }
    }

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        DocumentHash.Require(sha256);
        var verified = await DownloadVerifiedAsync(sha256, cancellationToken, throwOnMismatch: true);
        return verified;
    }

    public async Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default)
    {
        try
        {
            await _client.GetObjectMetadataAsync(_options.Bucket, KeyFor(DocumentHash.Require(sha256)), cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken = default)
    {
        if (!await ExistsAsync(sha256, cancellationToken))
        {
            return false;
        }

        await _client.DeleteObjectAsync(_options.Bucket, KeyFor(sha256), cancellationToken);
        return true;
    }

    public async IAsyncEnumerable<string> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = new ListObjectsV2Request { BucketName = _options.Bucket, Prefix = _options.Prefix };
        ListObjectsV2Response response;
        do
        {
            response = await _client.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in response.S3Objects ?? [])
            {
                var name = item.Key[_options.Prefix.Length..];
                if (DocumentHash.IsValid(name))
                {
                    yield return name;
                }
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
    }

    public void Dispose() => _client.Dispose();

    internal string KeyFor(string sha256) => _options.Prefix + sha256;

    private async Task<bool> BucketExistsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _options.Bucket, MaxKeys = 1 }, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>
    /// Downloads into a temporary file that deletes itself when closed, hashing on the way. Null when the object is
    /// missing, or (for a put) when it does not match; a read with a mismatch throws.
    /// </summary>
    private async Task<Stream?> DownloadVerifiedAsync(string sha256, CancellationToken cancellationToken, bool throwOnMismatch = false)
    {
        GetObjectResponse response;
        try
        {
            response = await _client.GetObjectAsync(_options.Bucket, KeyFor(sha256), cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var path = Path.Combine(_spool, Guid.NewGuid().ToString("N") + ".get");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            using (response)
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await response.ResponseStream.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
                if (!string.Equals(actual, sha256, StringComparison.Ordinal))
                {
                    LogIntegrityFailure(_logger, sha256, actual);
                    if (throwOnMismatch)
                    {
                        throw new DocumentIntegrityException($"Document {sha256} does not match its hash (found {actual}).");
                    }

                    await file.DisposeAsync();
                    return null;
                }
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

    [LoggerMessage(EventId = 9001, EventName = "DocumentIntegrityFailure", Level = LogLevel.Critical,
        Message = "SECURITY: stored document {Expected} does not match its hash (read {Actual}); refused to serve it")]
    private static partial void LogIntegrityFailure(ILogger logger, string expected, string actual);
}
