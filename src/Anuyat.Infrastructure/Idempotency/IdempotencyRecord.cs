using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anuyat.Infrastructure.Idempotency;

/// <summary>
/// One <c>Idempotency-Key</c> of one caller: inserted as in progress before the handler runs (the unique key makes a
/// concurrent duplicate fail to insert), then completed with the response to replay.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 100;

    /// <summary>Whose key it is, e.g. <c>account:{guid}</c>. Keys of different callers never meet.</summary>
    public required string Caller { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 (hex) of method, path and raw body: the same key with another request is a mistake.</summary>
    public required string RequestHash { get; init; }

    public bool Completed { get; set; }

    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public byte[]? Body { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime ExpiresAt { get; init; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.HasKey(r => new { r.Caller, r.Key });
        builder.Property(r => r.Caller).HasMaxLength(60);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(2000);
        builder.HasIndex(r => r.ExpiresAt);
    }
}
