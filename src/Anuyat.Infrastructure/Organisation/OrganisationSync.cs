using Anuyat.Domain.Organisation;
using Anuyat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Infrastructure.Organisation;

/// <summary>
/// Brings the districts, sections and offices in the database in line with <c>reference/</c> at start. Rows are
/// added and corrected, never deleted: accounts and applications refer to them.
/// </summary>
public static class OrganisationSync
{
    public static async Task<int> SyncAsync(AnuyatDbContext db, IReadOnlyList<District> districts, IReadOnlyList<Section> sections, CancellationToken cancellationToken = default)
    {
        var changes = 0;
        var existingDistricts = await db.Districts.ToDictionaryAsync(d => d.Code, cancellationToken);
        foreach (var district in districts)
        {
            if (!existingDistricts.TryGetValue(district.Code, out var current))
            {
                db.Districts.Add(district);
                changes++;
            }
            else if (current != district)
            {
                // Copied onto the tracked row, which keeps its key (tenant_id, code); Update would treat the new
                // object, whose tenant is not yet set, as a new row.
                db.Entry(current).CurrentValues.SetValues(district);
                changes++;
            }
        }

        var existingSections = await db.Sections.ToDictionaryAsync(s => s.Code, cancellationToken);
        foreach (var section in sections)
        {
            if (!existingSections.TryGetValue(section.Code, out var current))
            {
                db.Sections.Add(section);
                changes++;
            }
            else if (current != section)
            {
                db.Entry(current).CurrentValues.SetValues(section);
                changes++;
            }
        }

        var existingOffices = (await db.Offices.AsNoTracking().ToListAsync(cancellationToken)).ToHashSet();
        foreach (var district in districts)
        {
            foreach (var section in sections)
            {
                var office = new Office(district.Code, section.Code);
                if (existingOffices.Add(office))
                {
                    db.Offices.Add(office);
                    changes++;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return changes;
    }
}
