using Anuyat.Domain.Accounts;

namespace Anuyat.Domain.Tests.Accounts;

public sealed class RoleTests
{
    [Theory]
    [InlineData("citizen", Role.Citizen)]
    [InlineData("Officer", Role.Officer)]
    [InlineData(" approver ", Role.Approver)]
    [InlineData("admin", Role.Admin)]
    [InlineData("strategy", Role.Strategy)]
    public void TryParse_KnownCodes_ReturnTheRole(string code, Role expected)
    {
        Assert.True(Roles.TryParse(code, out var role));
        Assert.Equal(expected, role);
        Assert.Equal(code.Trim().ToLowerInvariant(), role.ToCode());
    }

    [Theory]
    [InlineData("mayor")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownCodes_Fail(string? code) => Assert.False(Roles.TryParse(code, out _));

    [Fact]
    public void IsStaff_IsTrueForOfficersApproversAndAdminsOnly()
    {
        Assert.False(Role.Citizen.IsStaff());
        Assert.True(Role.Officer.IsStaff());
        Assert.True(Role.Approver.IsStaff());
        Assert.True(Role.Admin.IsStaff());
        Assert.True(Role.Strategy.IsStaff());
    }
}
