using Anuyat.Web.Tests.Infrastructure;

namespace Anuyat.Web.Tests.Foundation;

/// <summary>Broken configuration stops the start with one line naming what is wrong.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Start_WithDistrictsFileMissingAColumn_ExitsWithOneLineNamingFileAndColumn()
    {
        var root = CopyReference();
        var file = Path.Combine(root, "reference", "districts.csv");
        var lines = File.ReadAllLines(file).Select(l => string.Join(',', l.Split(',').Where((_, i) => i != 4)));
        File.WriteAllLines(file, lines);

        var (exitCode, _, error) = await RunAsync(new() { ["Anuyat__ContentRoot"] = root });

        Assert.Equal(1, exitCode);
        Assert.Equal("anuyat: cannot start: reference/districts.csv: missing column 'group_en' (header is: code,name_th,name_en,group_th,pilot).", error);
    }

    [Fact]
    public async Task Start_WithADistrictCodeThatIsNotFourDigits_NamesTheLine()
    {
        var root = CopyReference();
        var file = Path.Combine(root, "reference", "districts.csv");
        var lines = File.ReadAllLines(file);
        lines[3] = lines[3].Replace("1003,", "10x3,", StringComparison.Ordinal);
        File.WriteAllLines(file, lines);

        var (exitCode, _, error) = await RunAsync(new() { ["Anuyat__ContentRoot"] = root });

        Assert.Equal(1, exitCode);
        Assert.Equal("anuyat: cannot start: reference/districts.csv:4: column 'code' must be a four-digit district code such as 1001, not '10x3'.", error);
    }

    [Fact]
    public async Task Start_WithAnUnknownDatabaseProvider_NamesTheSetting()
    {
        var (exitCode, _, error) = await RunAsync(new() { ["Database__Provider"] = "Oracle" });

        Assert.Equal(1, exitCode);
        Assert.Equal("anuyat: cannot start: Database__Provider: expected 'Sqlite' or 'Postgres', got 'Oracle'.", error);
    }

    [Fact]
    public async Task Start_WithAMalformedPostgresConnectionString_NamesTheSetting()
    {
        var (exitCode, _, error) = await RunAsync(new() { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Anuyat"] = "Host=localhost;Bogus Setting=1" });

        Assert.Equal(1, exitCode);
        Assert.StartsWith("anuyat: cannot start: ConnectionStrings__Anuyat: not a valid PostgreSQL connection string", error, StringComparison.Ordinal);
    }

    private static async Task<(int, string, string)> RunAsync(Dictionary<string, string?> environment)
    {
        var data = Directory.CreateTempSubdirectory("anuyat-start-").FullName;
        environment["ANUYAT_DATA"] = data;
        environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        return await AppProcess.RunAsync(environment);
    }

    private static string CopyReference()
    {
        var root = Directory.CreateTempSubdirectory("anuyat-ref-").FullName;
        var source = Path.Combine(AppContext.BaseDirectory, "reference");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, "reference", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return root;
    }
}
