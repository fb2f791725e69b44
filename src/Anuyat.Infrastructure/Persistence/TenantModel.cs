using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace Anuyat.Infrastructure.Persistence;

/// <summary>
/// Tenancy by convention (issue 9), applied once after every module's configuration so new tables get it without
/// asking. Every table holding a local administration's data:
/// <list type="bullet">
/// <item>has <c>tenant_id</c>, filled on insert from the context's tenant;</item>
/// <item>has it first in its primary key, every alternate key and every index — Citus requires the distribution
/// column in every primary key and unique constraint, and a tenant's rows then sort together;</item>
/// <item>references other tenant tables by (tenant_id, key), so foreign keys are co-located under Citus and a row
/// can never point into another administration;</item>
/// <item>is filtered to the context's tenant by a named query filter (<see cref="AnuyatDbContext.TenantFilter"/>).</item>
/// </list>
/// Global tables, the same for every tenant: the data-protection key ring and the role names (and their claims).
/// </summary>
internal static class TenantModel
{
    private static readonly HashSet<Type> GlobalTypes = [typeof(DataProtectionKey), typeof(IdentityRole<Guid>), typeof(IdentityRoleClaim<Guid>)];

    public static bool IsTenantOwned(IReadOnlyEntityType entity) =>
        entity.BaseType is null && entity.FindPrimaryKey() is not null && entity.GetTableName() is not null && !GlobalTypes.Contains(entity.ClrType);

    public static void Apply(ModelBuilder builder, AnuyatDbContext context, bool sqlite)
    {
        var model = builder.Model;
        var tenantTypes = model.GetEntityTypes().Where(IsTenantOwned).ToList();

        foreach (var entity in tenantTypes)
        {
            var property = entity.FindProperty(AnuyatDbContext.TenantProperty) ?? entity.AddProperty(AnuyatDbContext.TenantProperty, typeof(string));
            property.SetColumnName(AnuyatDbContext.TenantColumn);
            property.SetMaxLength(Tenancy.MaxLength);
            property.IsNullable = false;
            property.ValueGenerated = ValueGenerated.OnAdd;
            property.SetValueGeneratorFactory((_, _) => new TenantIdGenerator());
        }

        // Keys: (tenant_id, …). A key's own properties keep how they were generated (a Guid made by EF, an identity
        // column), which EF's conventions would otherwise drop once they are no longer the whole key.
        var rekeyed = new Dictionary<IMutableKey, IMutableKey>();
        foreach (var entity in tenantTypes)
        {
            var tenant = entity.FindProperty(AnuyatDbContext.TenantProperty)!;
            foreach (var key in entity.GetKeys().ToList())
            {
                if (key.Properties.Contains(tenant))
                {
                    continue;
                }

                // SQLite can only auto-increment a single-column INTEGER PRIMARY KEY, and a SQLite file is never
                // distributed: such a key stays as it is there (the tenant still leads its foreign keys and indexes).
                if (sqlite && key.IsPrimaryKey() && key.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } only] && (only.ClrType == typeof(int) || only.ClrType == typeof(long)))
                {
                    continue;
                }

                var generated = key.Properties.Select(p => (Property: p, p.ValueGenerated)).ToList();
                IMutableProperty[] properties = [tenant, .. key.Properties];
                var replacement = key.IsPrimaryKey() ? entity.SetPrimaryKey(properties)! : entity.FindKey(properties) ?? entity.AddKey(properties);
                foreach (var (property, valueGenerated) in generated)
                {
                    property.ValueGenerated = valueGenerated;
                }

                rekeyed[key] = replacement;
            }
        }

        // Foreign keys between tenant tables: (tenant_id, x_id) → (tenant_id, id). A tenant table's reference to a
        // global table (a role) stays as it is.
        foreach (var entity in tenantTypes)
        {
            var tenant = entity.FindProperty(AnuyatDbContext.TenantProperty)!;
            foreach (var foreignKey in entity.GetForeignKeys().ToList())
            {
                if (rekeyed.TryGetValue(foreignKey.PrincipalKey, out var principalKey))
                {
                    foreignKey.SetProperties([tenant, .. foreignKey.Properties], principalKey);
                }
            }
        }

        foreach (var (old, _) in rekeyed)
        {
            if (!old.GetReferencingForeignKeys().Any() && old.DeclaringEntityType.FindKey(old.Properties) is { } stale && !stale.IsPrimaryKey())
            {
                old.DeclaringEntityType.RemoveKey(stale);
            }
        }

        // Indexes lead with tenant_id (so every unique index is unique per tenant and usable by Citus).
        foreach (var entity in tenantTypes)
        {
            var tenant = entity.FindProperty(AnuyatDbContext.TenantProperty)!;
            foreach (var index in entity.GetIndexes().ToList())
            {
                if (index.Properties[0] == tenant)
                {
                    continue;
                }

                IMutableProperty[] properties = [tenant, .. index.Properties.Where(p => p != tenant)];
                var unique = index.IsUnique;
                var filter = index.GetFilter();
                var name = index.Name;

                // Added before the old one is removed, so a foreign key stays covered and EF does not put the old one back.
                var rebuilt = entity.FindIndex(properties) ?? (name is null ? entity.AddIndex(properties) : entity.AddIndex(properties, name + "_tenant"));
                rebuilt.IsUnique = rebuilt.IsUnique || unique;
                if (filter is not null)
                {
                    rebuilt.SetFilter(filter);
                }

                if (entity.GetIndexes().Contains(index))
                {
                    entity.RemoveIndex(index);
                }
            }
        }

        // A query only ever reads its own tenant's rows. Owned types follow their owner.
        foreach (var entity in tenantTypes.Where(e => !e.IsOwned()))
        {
            var row = Expression.Parameter(entity.ClrType, "row");
            var tenantOfRow = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(string)], row, Expression.Constant(AnuyatDbContext.TenantProperty));
            var tenantOfContext = Expression.Property(Expression.Constant(context), nameof(AnuyatDbContext.TenantId));
            builder.Entity(entity.ClrType).HasQueryFilter(AnuyatDbContext.TenantFilter, Expression.Lambda(Expression.Equal(tenantOfRow, tenantOfContext), row));
        }
    }

    /// <summary>New rows take the tenant of the context that adds them.</summary>
    private sealed class TenantIdGenerator : ValueGenerator<string>
    {
        public override bool GeneratesTemporaryValues => false;

        public override string Next(EntityEntry entry) => ((AnuyatDbContext)entry.Context).TenantId;
    }
}
