using System.Globalization;
using System.Text;
using Anuyat.Domain.Accounts;
using Anuyat.Domain.Organisation;
using Anuyat.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Anuyat.Web.Features.Accounts;

/// <summary>
/// Development only: an officer and an approver for every section of each pilot district, one citizen and one admin,
/// all with the same published password, printed to the console at start.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "anuyat-demo-2569";
    public const string CitizenEmail = "citizen@anuyat.test";
    public const string AdminEmail = "admin@anuyat.test";
    public const string StrategyEmail = "strategy@anuyat.test";

    public static string StaffEmail(Role role, string districtCode, string sectionCode) => $"{role.ToCode()}.{sectionCode}.{districtCode}@anuyat.test";

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyList<District> districts, IReadOnlyList<Section> sections, ILogger logger, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<UserManager<Account>>();
        var provisioning = services.GetRequiredService<AccountProvisioning>();
        var created = 0;
        if (await users.FindByEmailAsync(CitizenEmail) is null)
        {
            var wanted = new List<(string Email, Role Role, string? District, string? Section, string Name)>
            {
                (CitizenEmail, Role.Citizen, null, null, "สมชาย ใจดี"),
                (AdminEmail, Role.Admin, null, null, "ผู้ดูแลระบบ (demo)"),
            };
            foreach (var district in districts.Where(d => d.Pilot))
            {
                foreach (var section in sections)
                {
                    wanted.Add((StaffEmail(Role.Officer, district.Code, section.Code), Role.Officer, district.Code, section.Code, $"เจ้าหน้าที่ {section.NameTh} เขต{district.NameTh}"));
                    wanted.Add((StaffEmail(Role.Approver, district.Code, section.Code), Role.Approver, district.Code, section.Code, $"ผู้อนุมัติ {section.NameTh} เขต{district.NameTh}"));
                }
            }

            foreach (var (email, role, district, section, name) in wanted)
            {
                var result = await provisioning.EnsureAsync(email, role, district, section, Password, name, cancellationToken);
                if (!result.IsSuccess)
                {
                    throw new InvalidOperationException($"demo account {email}: {result.Error!.Message.En}");
                }

                created++;
            }

            // The demo citizen has what ThaiD would return, so prefilled forms can be seen without an identity provider.
            var citizen = await users.FindByEmailAsync(CitizenEmail);
            if (citizen is not null)
            {
                citizen.Profile = new ApplicantProfile
                {
                    NationalId = "1101700230708",
                    FirstName = "สมชาย",
                    LastName = "ใจดี",
                    BirthDate = new DateOnly(1985, 3, 14),
                    HouseNo = "99/1",
                    Soi = "ศึกษาวิทยา",
                    Road = "สาทร",
                    Subdistrict = "ยานนาวา",
                    DistrictCode = "1012",
                    Postcode = "10120",
                    Source = "self",
                };
                await users.UpdateAsync(citizen);
            }
        }

        // Added after the first demo databases were made: ensured on its own so those databases get it too.
        if (await users.FindByEmailAsync(StrategyEmail) is null)
        {
            var result = await provisioning.EnsureAsync(StrategyEmail, Role.Strategy, null, null, Password, "สำนักยุทธศาสตร์และประเมินผล (demo)", cancellationToken);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"demo account {StrategyEmail}: {result.Error!.Message.En}");
            }

            created++;
        }

        var pilot = districts.Where(d => d.Pilot).ToList();
        var text = new StringBuilder();
        text.AppendLine("Demo sign-ins (Development only), password for all: " + Password);
        text.AppendLine(CultureInfo.InvariantCulture, $"  citizen  {CitizenEmail}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  admin    {AdminEmail}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  strategy {StrategyEmail} (the dashboard, /dashboard)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  staff    officer.SECTION.DISTRICT@anuyat.test and approver.SECTION.DISTRICT@anuyat.test, e.g. {StaffEmail(Role.Officer, "1001", SectionCodes.PublicWorks)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"           DISTRICT: {string.Join(", ", pilot.Select(d => $"{d.Code} {d.NameEn}"))}");
        text.Append(CultureInfo.InvariantCulture, $"           SECTION: {string.Join(", ", sections.Select(s => s.Code))}");
        logger.LogInformation("{DemoAccounts}", text.ToString());
        if (created > 0)
        {
            logger.LogInformation("Created {Count} demo accounts", created);
        }
    }
}
