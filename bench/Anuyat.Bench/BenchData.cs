using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Anuyat.Bench;

/// <summary>Data the scenarios need beyond what <c>demo generate</c> makes.</summary>
public static class BenchData
{
    /// <summary>
    /// Scenario 3 needs permits: the generator builds applications, not permits, so every issued generated file gets
    /// its permit row (number BENCH-…, in the generated order) straight in the database, once.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PermitsForIssuedAsync(string db, string data, string? connection, TextWriter log)
    {
        const string Select = """
            SELECT {0}, 'BENCH-' || {1}, a."Id", a."Reference", a."ServiceCode", a."DistrictCode", a."SectionCode", a."ApplicantAccountId",
                   'ผู้ยื่น', 'ที่ตั้ง', 'แขวง', 'construct', 80, '[]', {2}, NULL, a."ApplicantAccountId", {3}, {4}, a."tenant_id"
            FROM applications a WHERE a."Status" = 'issued' AND NOT EXISTS (SELECT 1 FROM permits p WHERE p."tenant_id" = a."tenant_id" AND p."ApplicationId" = a."Id")
            """;
        const string Insert = """
            INSERT INTO permits ("Id", "Number", "ApplicationId", "ApplicationReference", "ServiceCode", "DistrictCode", "SectionCode", "HolderAccountId",
                                 "HolderName", "Site", "SiteArea", "Kind", "TotalFloorAreaM2", "Buildings", "IssuedOn", "ValidUntil", "ApprovedBy", "Sha256", "IssuedAt", "tenant_id")
            """;
        var clock = Stopwatch.StartNew();
        int inserted;
        const string Sample = """SELECT "Number" FROM permits WHERE "Number" LIKE 'BENCH-%' ORDER BY "ApplicationId" LIMIT 5000""";
        var numbers = new List<string>();
        if (db == "postgres")
        {
            await using var c = new NpgsqlConnection(connection);
            await c.OpenAsync();
            await using var command = new NpgsqlCommand(Insert + string.Format(CultureInfo.InvariantCulture, Select, "gen_random_uuid()", "row_number() OVER (ORDER BY a.\"Id\")", "CAST(a.\"UpdatedAt\" AS date)", "repeat('0', 64)", "a.\"UpdatedAt\""), c) { CommandTimeout = 3600 };
            inserted = await command.ExecuteNonQueryAsync();
            await using var sample = new NpgsqlCommand(Sample, c);
            await using var reader = await sample.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                numbers.Add(reader.GetString(0));
            }
        }
        else
        {
            await using var c = new SqliteConnection($"Data Source={Path.Combine(data, "anuyat.db")}");
            await c.OpenAsync();
            await using var command = c.CreateCommand();
            command.CommandTimeout = 3600;
            command.CommandText = Insert + string.Format(CultureInfo.InvariantCulture, Select, "upper(hex(randomblob(4))) || '-' || upper(hex(randomblob(2))) || '-4' || substr(upper(hex(randomblob(2))), 2) || '-A' || substr(upper(hex(randomblob(2))), 2) || '-' || upper(hex(randomblob(6)))", "a.rowid", "substr(a.\"UpdatedAt\", 1, 10)", "printf('%064d', 0)", "a.\"UpdatedAt\"");
            inserted = await command.ExecuteNonQueryAsync();
            await using var sample = c.CreateCommand();
            sample.CommandText = Sample;
            await using var reader = await sample.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                numbers.Add(reader.GetString(0));
            }
        }

        SqliteConnection.ClearAllPools();
        log.WriteLine($"bench [{db}]: {inserted:N0} permit rows for issued generated files in {clock.Elapsed.TotalSeconds:F1} s");
        return numbers;
    }
}
