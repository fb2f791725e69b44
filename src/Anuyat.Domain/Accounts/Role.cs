namespace Anuyat.Domain.Accounts;

/// <summary>
/// What a person may do. Staff roles (officer, approver, admin) are scoped to a district and a section
/// (admins of the city may have no district) and must use a second factor outside Development.
/// </summary>
public enum Role
{
    /// <summary>A citizen or business filing for themselves or as an agent.</summary>
    Citizen,

    /// <summary>A reviewing or counter officer of one section in one district.</summary>
    Officer,

    /// <summary>A section head or district director who decides and signs.</summary>
    Approver,

    /// <summary>City administrator or strategy office staff.</summary>
    Admin,
}

public static class Roles
{
    public const string Citizen = "citizen";
    public const string Officer = "officer";
    public const string Approver = "approver";
    public const string Admin = "admin";

    public static string ToCode(this Role role) => role switch
    {
        Role.Citizen => Citizen,
        Role.Officer => Officer,
        Role.Approver => Approver,
        Role.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? code, out Role role)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case Citizen: role = Role.Citizen; return true;
            case Officer: role = Role.Officer; return true;
            case Approver: role = Role.Approver; return true;
            case Admin: role = Role.Admin; return true;
            default: role = default; return false;
        }
    }

    /// <summary>Staff roles act on other people's files and therefore need a second factor.</summary>
    public static bool IsStaff(this Role role) => role is Role.Officer or Role.Approver or Role.Admin;
}
