using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Anuyat.Infrastructure.Persistence;

/// <summary>Stores instants as UTC and reads them back marked as UTC, on every provider.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
