using Anuyat.Infrastructure.Platform;
using Microsoft.Extensions.Configuration;

namespace Anuyat.Infrastructure.Persistence;

/// <summary>
/// Which local administration this deployment serves: <c>Tenancy:Id</c>, default <c>bma</c> (Bangkok Metropolitan
/// Administration). Written into the <c>tenant_id</c> column of every row, so one schema can later hold many
/// administrations and be distributed by tenant (docs/scaling.md).
/// </summary>
public sealed record Tenancy(string Id)
{
    public const string DefaultId = "bma";

    public const int MaxLength = 32;

    public static Tenancy FromConfiguration(IConfiguration configuration)
    {
        var id = configuration["Tenancy:Id"];
        if (string.IsNullOrWhiteSpace(id))
        {
            return new Tenancy(DefaultId);
        }

        if (id.Length > MaxLength || !id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            throw new StartupException($"Tenancy__Id: expected up to {MaxLength} lowercase letters, digits or '-', got '{id}'.");
        }

        return new Tenancy(id);
    }
}
