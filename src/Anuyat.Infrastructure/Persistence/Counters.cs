using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anuyat.Infrastructure.Persistence;

/// <summary>A named running number (application references per district and year, invoice and receipt numbers).</summary>
public sealed class Counter
{
    public string Key { get; set; } = string.Empty;

    public long Value { get; set; }
}

internal sealed class CounterConfiguration : IEntityTypeConfiguration<Counter>
{
    public void Configure(EntityTypeBuilder<Counter> builder)
    {
        builder.ToTable("counters");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(100);
    }
}

/// <summary>
/// Hands out the next number of a counter atomically, inside the caller's transaction: a number taken by a
/// transaction that rolls back is given out again, so committed numbers have no gaps from failed requests.
/// One statement (INSERT … ON CONFLICT DO UPDATE … RETURNING) works the same on SQLite ≥ 3.35 and PostgreSQL; the
/// row lock it takes serialises concurrent callers on PostgreSQL, and SQLite has a single writer.
/// </summary>
public static class Counters
{
    public static async Task<long> NextAsync(AnuyatDbContext db, string key, CancellationToken cancellationToken = default)
    {
        var values = await db.Database
            .SqlQuery<long>($"INSERT INTO counters (tenant_id, \"Key\", \"Value\") VALUES ({db.TenantId}, {key}, 1) ON CONFLICT (tenant_id, \"Key\") DO UPDATE SET \"Value\" = counters.\"Value\" + 1 RETURNING \"Value\"")
            .ToListAsync(cancellationToken);
        return values[0];
    }
}
