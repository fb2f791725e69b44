using Microsoft.Extensions.Configuration;

namespace Anuyat.Infrastructure.Platform;

/// <summary>
/// The one folder that holds all runtime state: the SQLite file, uploaded documents, keys. It is <c>./data</c> by
/// default, or the folder named by <c>ANUYAT_DATA</c>. Nothing else on disk is written by the app.
/// </summary>
public sealed class DataDirectory
{
    public DataDirectory(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string Keys => Sub("keys");

    public string Documents => Sub("documents");

    public string DatabaseFile => Path.Combine(Root, "anuyat.db");

    public static DataDirectory FromConfiguration(IConfiguration configuration)
    {
        var configured = configuration["ANUYAT_DATA"] ?? configuration["Data:Directory"];
        var root = string.IsNullOrWhiteSpace(configured) ? Path.Combine(Directory.GetCurrentDirectory(), "data") : configured;
        var directory = new DataDirectory(root);
        try
        {
            Directory.CreateDirectory(directory.Root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"ANUYAT_DATA: cannot create the data directory '{directory.Root}': {e.Message}", e);
        }

        return directory;
    }

    private string Sub(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }
}
