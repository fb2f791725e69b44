using System.Diagnostics;
using Anuyat.Infrastructure.Documents;

namespace Anuyat.Web.Tests.Infrastructure;

/// <summary>
/// The S3-protocol server the tests use: the one in <c>ANUYAT_TEST_S3</c> (started by scripts/test.sh), or an s3rver
/// this process starts itself with scripts/s3rver.sh so a plain <c>dotnet test</c> works too. Each test gets its own bucket.
/// </summary>
public static class TestS3
{
    public const string Key = "S3RVER";

    private static readonly Lazy<string> Server = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Endpoint => Server.Value;

    /// <summary>Options for a fresh bucket (created by the store's start-up check).</summary>
    public static S3DocumentStoreOptions NewBucket() => new()
    {
        Endpoint = new Uri(Endpoint),
        Bucket = "anuyat-" + Guid.NewGuid().ToString("N")[..16],
        AccessKey = Key,
        SecretKey = Key,
        CreateBucket = true,
    };

    /// <summary>The same as settings, for an app or a process.</summary>
    public static Dictionary<string, string?> Settings(S3DocumentStoreOptions options, string separator = ":") => new()
    {
        [$"Documents{separator}Store"] = "S3",
        [$"Documents{separator}S3{separator}Endpoint"] = options.Endpoint.ToString(),
        [$"Documents{separator}S3{separator}Bucket"] = options.Bucket,
        [$"Documents{separator}S3{separator}AccessKey"] = options.AccessKey,
        [$"Documents{separator}S3{separator}SecretKey"] = options.SecretKey,
        [$"Documents{separator}S3{separator}CreateBucket"] = "true",
    };

    private static string StartOrFind()
    {
        var configured = Environment.GetEnvironmentVariable("ANUYAT_TEST_S3");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var script = Path.Combine(RepositoryRoot.Path, "scripts", "s3rver.sh");
        var dir = Path.Combine(Path.GetTempPath(), "anuyat-s3-" + Environment.ProcessId);
        var port = 14400 + (Environment.ProcessId % 500);
        var start = Process.Start(new ProcessStartInfo("bash", [script, "start", dir, port.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true })!;
        var endpoint = start.StandardOutput.ReadToEnd().Trim();
        start.WaitForExit();
        if (start.ExitCode != 0)
        {
            throw new InvalidOperationException("Could not start s3rver; set ANUYAT_TEST_S3 or run scripts/test.sh.");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Process.Start("bash", [script, "stop", dir])?.WaitForExit();
        return endpoint;
    }
}
