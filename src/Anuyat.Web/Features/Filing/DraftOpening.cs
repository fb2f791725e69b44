using System.Text.Json.Nodes;
using Anuyat.Domain.Applications;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Anuyat.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Filing;

/// <summary>
/// Opens a draft from the pages (the API has its own endpoint): takes the district's next running number, records
/// the channel, and prefills what the applicant's account already knows so nobody is asked twice.
/// </summary>
public sealed class DraftOpening(AnuyatDbContext db, ApplicationEvents events, TimeProvider clock)
{
    public async Task<PermitApplication> OpenAsync(CurrentUser filedBy, Account applicant, ServiceDefinition definition, string sectionCode, string districtCode, Channel channel, CancellationToken ct)
    {
        var answers = Prefill(definition, applicant, districtCode);
        var now = clock.GetUtcNow().UtcDateTime;
        var year = ApplicationReference.BuddhistYearOf(ApplicationsApi.BangkokToday(clock));
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var number = await Counters.NextAsync(db, ApplicationReference.CounterKey(districtCode, year), ct);
            var opened = PermitApplication.Open(
                Guid.CreateVersion7(), new ApplicationReference(districtCode, year, number), definition.Code, definition.Version, sectionCode,
                applicant.Id, filedBy.AccountId, channel, answers.ToJsonString(), now);
            db.Applications.Add(opened);
            events.Record(filedBy, opened, "opened", channel == Channel.Counter
                ? new BilingualText("เจ้าหน้าที่รับคำขอที่เคาน์เตอร์สำนักงานเขต (ช่องทาง: เคาน์เตอร์)", "Opened at the district office counter by an officer (channel: counter)")
                : new BilingualText("สร้างคำขอฉบับร่าง", "Draft opened"), new { channel = channel.ToString().ToLowerInvariant() });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return opened;
        });
    }

    /// <summary>
    /// The answers the account already knows: the site district just chosen; the applicant's ID, names and contact in
    /// a group named <c>applicant</c>; and the home address in any address field (the building site only when the
    /// home is in the same district, which is the common case of building on one's own plot).
    /// </summary>
    public static JsonObject Prefill(ServiceDefinition definition, Account account, string districtCode)
    {
        var answers = new JsonObject();
        var profile = account.Profile;
        foreach (var field in definition.Fields)
        {
            if (field.Type == FieldTypes.Address)
            {
                var address = new JsonObject();
                var home = field.Name != "site" || profile.DistrictCode == districtCode;
                if (home && profile.DistrictCode is not null)
                {
                    Set(address, "houseNo", profile.HouseNo);
                    Set(address, "soi", profile.Soi);
                    Set(address, "road", profile.Road);
                    Set(address, "subdistrict", profile.Subdistrict);
                    Set(address, "districtCode", profile.DistrictCode);
                    Set(address, "postcode", profile.Postcode);
                }

                if (field.Name == "site")
                {
                    address["districtCode"] = districtCode;
                }

                if (address.Count > 0)
                {
                    answers[field.Name] = address;
                }
            }
            else if (field.Type == FieldTypes.Group && field.Name == "applicant")
            {
                var group = new JsonObject();
                foreach (var sub in field.SubFields)
                {
                    Set(group, sub.Name, sub.Type switch
                    {
                        FieldTypes.NationalId => profile.NationalId,
                        FieldTypes.Email => account.Email,
                        FieldTypes.Phone => account.PhoneNumber,
                        _ when sub.Name == "firstName" => profile.FirstName,
                        _ when sub.Name == "lastName" => profile.LastName,
                        _ => null,
                    });
                }

                if (group.Count > 0)
                {
                    answers[field.Name] = group;
                }
            }
        }

        return answers;
    }

    private static void Set(JsonObject target, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            target[name] = value;
        }
    }
}
