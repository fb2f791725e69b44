using Anuyat.Domain.Accounts;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Infrastructure.Accounts;

/// <summary>Creates accounts for the admin command line and the demo seed, with the scope rules checked.</summary>
public sealed class AccountProvisioning(AnuyatDbContext db, UserManager<Account> users, TimeProvider clock)
{
    /// <summary>
    /// Finds the account by e-mail or creates it with the given role and scope. An existing account keeps its role;
    /// asking for a different one is an error rather than a silent change of rights.
    /// </summary>
    public async Task<Result<Account>> EnsureAsync(string email, Role role, string? districtCode, string? sectionCode, string? password = null, string? displayName = null, CancellationToken cancellationToken = default)
    {
        email = email.Trim();
        if (!email.Contains('@', StringComparison.Ordinal) || email.Length > 254)
        {
            return new RuleViolation("email-invalid", new BilingualText($"อีเมล '{email}' ไม่ถูกต้อง", $"'{email}' is not an e-mail address"));
        }

        var scope = await CheckScopeAsync(role, districtCode, sectionCode, cancellationToken);
        if (scope is not null)
        {
            return scope;
        }

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            if (existing.Role != role)
            {
                return new ConflictError("account-role-differs", new BilingualText(
                    $"บัญชี {email} มีบทบาท {existing.Role.ToCode()} อยู่แล้ว",
                    $"account {email} already has role {existing.Role.ToCode()}"));
            }

            return existing;
        }

        var account = new Account
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName ?? email.Split('@')[0],
            Role = role,
            DistrictCode = role.IsStaff() ? districtCode : null,
            SectionCode = role.IsStaff() ? sectionCode : null,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = password is null ? await users.CreateAsync(account) : await users.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            var reason = string.Join("; ", created.Errors.Select(e => e.Description));
            return new RuleViolation("account-not-created", new BilingualText($"สร้างบัญชีไม่ได้: {reason}", $"account not created: {reason}"));
        }

        return account;
    }

    private async Task<DomainError?> CheckScopeAsync(Role role, string? districtCode, string? sectionCode, CancellationToken cancellationToken)
    {
        if (!role.IsStaff())
        {
            return null;
        }

        if (role is Role.Officer or Role.Approver && (districtCode is null || sectionCode is null))
        {
            return new RuleViolation("scope-required", new BilingualText(
                "เจ้าหน้าที่และผู้อนุมัติต้องระบุเขตและฝ่าย (--district, --section)",
                "officers and approvers need a district and a section (--district, --section)"));
        }

        if (districtCode is not null && !await db.Districts.AnyAsync(d => d.Code == districtCode, cancellationToken))
        {
            return new RuleViolation("district-unknown", new BilingualText($"ไม่มีเขตรหัส {districtCode}", $"no district with code {districtCode}"));
        }

        if (sectionCode is not null && !await db.Sections.AnyAsync(s => s.Code == sectionCode, cancellationToken))
        {
            return new RuleViolation("section-unknown", new BilingualText($"ไม่มีฝ่ายรหัส {sectionCode}", $"no section with code {sectionCode}"));
        }

        return null;
    }
}
