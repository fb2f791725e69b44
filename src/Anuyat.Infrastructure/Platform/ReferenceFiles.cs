namespace Anuyat.Infrastructure.Platform;

/// <summary>
/// Where the repository's data files (reference/, catalog/) are found at run time: beside the binary (they are copied
/// there at build), or in the repository when run from a source checkout. <c>Anuyat:ContentRoot</c> overrides.
/// </summary>
public static class ReferenceFiles
{
    public static string Locate(string folder, string? overrideRoot = null)
    {
        if (!string.IsNullOrWhiteSpace(overrideRoot))
        {
            return Path.Combine(overrideRoot, folder);
        }

        var besideBinary = Path.Combine(AppContext.BaseDirectory, folder);
        if (Directory.Exists(besideBinary))
        {
            return besideBinary;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folder);
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Anuyat.slnx")))
            {
                return candidate;
            }
        }

        throw new StartupException($"{folder}/: folder not found beside the app ({AppContext.BaseDirectory}) or in the repository.");
    }
}
