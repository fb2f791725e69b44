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

    /// <summary>City administrator.</summary>
    Admin,

    /// <summary>
    /// Strategy and Evaluation Department (สำนักยุทธศาสตร์และประเมินผล): reads the city-wide dashboard and the list of
    /// overdue files; acts on no file.
    /// </summary>
    Strategy,
}

public static class Roles
{
    public const string Citizen = "citizen";
    public const string Officer = "officer";
    public const string Approver = "approver";
    public const string Admin = "admin";
    public const string Strategy = "strategy";

    public static string ToCode(this Role role) => role switch
    {
        Role.Citizen => Citizen,
        Role.Officer => Officer,
        Role.Approver => Approver,
        Role.Admin => Admin,
        Role.Strategy => Strategy,
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
            case Strategy: role = Role.Strategy; return true;
            default: role = default; return false;
        }
    }

    /// <summary>
    /// Staff roles act on other people's files, or (strategy office) read the city's files in aggregate and the list
    /// of overdue ones, and therefore need a second factor. Which pages each may open is the policies' business.
    /// </summary>
    public static bool IsStaff(this Role role) => role is Role.Officer or Role.Approver or Role.Admin or Role.Strategy;
}
