using Anuyat.Domain.Accounts;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Notifications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Admin.People;

/// <summary>
/// What the city administrator does to staff accounts: invite, change role and scope, deactivate, reset a lost second
/// factor. Every change is one audit entry saved with it. An administrator never acts on their own account here:
/// nobody raises their own rights or locks themselves out (OWASP ASVS 5.0 V8.2: no self-elevation).
/// </summary>
public sealed class PeopleAdmin(AnuyatDbContext db, UserManager<Account> users, AuditTrail audit, Outbox outbox, ApiTokenService tokens, TimeProvider clock)
{
    public static readonly Role[] StaffRoles = [Role.Officer, Role.Approver, Role.Admin];

    /// <summary>Creates the account without a password and e-mails a link to set one; the second factor is enrolled at first sign-in.</summary>
    public async Task<Result<Account>> InviteAsync(CurrentUser actor, string? email, string? displayName, string? roleCode, string? district, string? section, Uri siteAddress, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, BilingualText[]>(StringComparer.Ordinal);
        email = email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 254 || email.IndexOf('@', StringComparison.Ordinal) is < 1 || email.EndsWith('@'))
        {
            errors["Email"] = [new("กรอกอีเมลที่ถูกต้อง เช่น somchai@bangkok.go.th", "Enter a valid e-mail address, like somchai@bangkok.go.th")];
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            errors["Email"] = [new("อีเมลนี้มีบัญชีอยู่แล้ว แก้ไขบัญชีเดิมแทนการเชิญใหม่", "This address already has an account; change that account instead of inviting again")];
        }

        if (string.IsNullOrWhiteSpace(displayName))
        {
            errors["DisplayName"] = [new("กรอกชื่อ-นามสกุล", "Enter the person's full name")];
        }

        var role = await CheckRoleAndScopeAsync(roleCode, district, section, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var account = new Account
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = false,
            DisplayName = displayName!.Trim(),
            Role = role,
            DistrictCode = Blank(district),
            SectionCode = Blank(section),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var created = await users.CreateAsync(account);
            if (!created.Succeeded)
            {
                var reason = string.Join("; ", created.Errors.Select(e => e.Description));
                return (Result<Account>)new ValidationFailed(new Dictionary<string, BilingualText[]> { ["Email"] = [new($"สร้างบัญชีไม่ได้: {reason}", $"The account was not created: {reason}")] });
            }

            var token = await users.GeneratePasswordResetTokenAsync(account);
            var link = new Uri(siteAddress, $"/invitation?id={account.Id:D}&token={Uri.EscapeDataString(token)}");
            outbox.EnqueueEmail(
                email!,
                "th",
                "เชิญใช้งานระบบอนุญาต / Invitation to Anuyat",
                $"""
                คุณได้รับเชิญให้ใช้งานระบบอนุญาต ในบทบาท {RoleName(role).Th}
                ตั้งรหัสผ่านและลงทะเบียนแอปยืนยันตัวตนที่ลิงก์นี้ (ใช้ได้ 1 วัน):
                {link}

                You are invited to Anuyat as {RoleName(role).En}.
                Set your password and enrol an authenticator app at the link above (valid for one day).
                """,
                recipientAccountId: account.Id);
            audit.Append(Actor(actor), "account.invited", "account", account.Id.ToString("D"), new($"เชิญเจ้าหน้าที่ ({role.ToCode()})", $"Staff invited ({role.ToCode()})"),
                new { role = role.ToCode(), district = account.DistrictCode, section = account.SectionCode }, new AuditScope(account.DistrictCode, account.SectionCode));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (Result<Account>)account;
        });
    }

    /// <summary>Changes role and scope; the person's sessions end so the new rights apply from their next sign-in.</summary>
    public async Task<Result<Account>> ChangeAsync(CurrentUser actor, Guid id, string? roleCode, string? district, string? section, CancellationToken cancellationToken)
    {
        var account = await FindStaffAsync(id, cancellationToken);
        if (account is null)
        {
            return NotFound();
        }

        var errors = new Dictionary<string, BilingualText[]>(StringComparer.Ordinal);
        if (account.Id == actor.AccountId)
        {
            errors["Role"] = [new("ผู้ดูแลระบบเปลี่ยนบทบาทหรือขอบเขตของตนเองไม่ได้ ให้ผู้ดูแลระบบคนอื่นเป็นผู้เปลี่ยน", "You cannot change your own role or scope; another administrator must do it")];
            return new ValidationFailed(errors);
        }

        var role = await CheckRoleAndScopeAsync(roleCode, district, section, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var before = new { role = account.Role.ToCode(), district = account.DistrictCode, section = account.SectionCode };
        account.Role = role;
        account.DistrictCode = Blank(district);
        account.SectionCode = Blank(section);
        audit.Append(Actor(actor), "account.scope-changed", "account", account.Id.ToString("D"), new("เปลี่ยนบทบาทหรือขอบเขตงาน", "Role or scope changed"),
            new { before, after = new { role = role.ToCode(), district = account.DistrictCode, section = account.SectionCode } }, new AuditScope(account.DistrictCode, account.SectionCode));
        var saved = await users.UpdateSecurityStampAsync(account); // saves the change and the entry together; open sessions end
        return saved.Succeeded ? account : throw new InvalidOperationException("account update failed: " + string.Join("; ", saved.Errors.Select(e => e.Code)));
    }

    /// <summary>Ends the account: no sign-in, every session ends at its next request, every API token is revoked.</summary>
    public async Task<Result<Account>> DeactivateAsync(CurrentUser actor, Guid id, CancellationToken cancellationToken)
    {
        var account = await FindStaffAsync(id, cancellationToken);
        if (account is null)
        {
            return NotFound();
        }

        if (account.Id == actor.AccountId)
        {
            return new ValidationFailed(new Dictionary<string, BilingualText[]> { ["Deactivate"] = [new("ปิดบัญชีของตนเองไม่ได้", "You cannot deactivate your own account")] });
        }

        if (!account.IsActive)
        {
            return account;
        }

        await tokens.RevokeAllAsync(account.Id, Actor(actor), cancellationToken);
        account.DeactivatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Append(Actor(actor), "account.deactivated", "account", account.Id.ToString("D"), new("ปิดบัญชีเจ้าหน้าที่", "Staff account deactivated"), null, new AuditScope(account.DistrictCode, account.SectionCode));
        await users.UpdateSecurityStampAsync(account);
        return account;
    }

    /// <summary>Turns the authenticator off and forgets its key; the person enrols a new one at the next sign-in. The reason is recorded.</summary>
    public async Task<Result<Account>> ResetSecondFactorAsync(CurrentUser actor, Guid id, string? reason, CancellationToken cancellationToken)
    {
        var account = await FindStaffAsync(id, cancellationToken);
        if (account is null)
        {
            return NotFound();
        }

        var errors = new Dictionary<string, BilingualText[]>(StringComparer.Ordinal);
        if (account.Id == actor.AccountId)
        {
            errors["Reason"] = [new("รีเซ็ตการยืนยันตัวตนสองขั้นของตนเองไม่ได้", "You cannot reset your own second factor")];
        }
        else if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 5)
        {
            errors["Reason"] = [new("บอกเหตุผล เช่น โทรศัพท์หาย (อย่างน้อย 5 ตัวอักษร)", "Give the reason, e.g. phone lost (at least 5 characters)")];
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        account.TwoFactorEnabled = false;
        audit.Append(Actor(actor), "account.second-factor-reset", "account", account.Id.ToString("D"), new("รีเซ็ตการยืนยันตัวตนสองขั้น", "Second factor reset"),
            new { reason = reason!.Trim() }, new AuditScope(account.DistrictCode, account.SectionCode));
        await users.ResetAuthenticatorKeyAsync(account); // new key, new security stamp, saved with the entry
        return account;
    }

    public async Task<Account?> FindStaffAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Users.FirstOrDefaultAsync(a => a.Id == id && a.Role != Role.Citizen, cancellationToken);

    public static BilingualText RoleName(Role role) => role switch
    {
        Role.Officer => new("เจ้าหน้าที่", "officer"),
        Role.Approver => new("ผู้อนุมัติ", "approver"),
        Role.Admin => new("ผู้ดูแลระบบ", "administrator"),
        _ => new("ผู้ยื่นคำขอ", "applicant"),
    };

    private async Task<Role> CheckRoleAndScopeAsync(string? roleCode, string? district, string? section, Dictionary<string, BilingualText[]> errors, CancellationToken cancellationToken)
    {
        if (!Roles.TryParse(roleCode, out var role) || !role.IsStaff())
        {
            errors["Role"] = [new("เลือกบทบาท: เจ้าหน้าที่ ผู้อนุมัติ หรือผู้ดูแลระบบ", "Choose a role: officer, approver or administrator")];
            return Role.Citizen;
        }

        district = Blank(district);
        section = Blank(section);
        if (district is null && role != Role.Admin)
        {
            errors["District"] = [new("เลือกเขตที่ทำงาน", "Choose the district the person works in")];
        }
        else if (district is not null && !await db.Districts.AnyAsync(d => d.Code == district, cancellationToken))
        {
            errors["District"] = [new($"ไม่มีเขตรหัส {district} เลือกจากรายการ", $"There is no district {district}; choose one from the list")];
        }

        if (section is null && role != Role.Admin)
        {
            errors["Section"] = [new("เลือกฝ่ายที่ทำงาน", "Choose the section the person works in")];
        }
        else if (section is not null && !await db.Sections.AnyAsync(s => s.Code == section, cancellationToken))
        {
            errors["Section"] = [new($"ไม่มีฝ่ายรหัส {section} เลือกจากรายการ", $"There is no section {section}; choose one from the list")];
        }

        return role;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static AuditActor Actor(CurrentUser actor) => AuditActor.Account(actor.AccountId, actor.Role.ToCode());

    private static NotFoundError NotFound() => new("account-not-found", new("ไม่พบบัญชีเจ้าหน้าที่", "No such staff account"));
}
