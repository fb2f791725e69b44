using Anuyat.Domain.Common;
using Anuyat.Domain.Permits;

namespace Anuyat.Domain.Tests.Permits;

public sealed class PermitTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Standing_IsValidThroughItsLastDay_ThenExpired()
    {
        var permit = NewPermit(validUntil: new DateOnly(2027, 11, 26));

        Assert.Equal(PermitStanding.Valid, permit.StandingOn(new DateOnly(2027, 11, 26)));
        Assert.Equal(PermitStanding.Expired, permit.StandingOn(new DateOnly(2027, 11, 27)));
        Assert.Equal("expired", permit.StandingOn(new DateOnly(2027, 11, 27)).ToCode());
    }

    [Fact]
    public void Standing_WithoutAValidityPeriod_StaysValid() =>
        Assert.Equal(PermitStanding.Valid, NewPermit(validUntil: null).StandingOn(new DateOnly(2040, 1, 1)));

    [Fact]
    public void Revoke_WithReasons_IsRevoked_AndASecondRevocationConflicts()
    {
        var permit = NewPermit(validUntil: null);
        var approver = Guid.NewGuid();

        var first = permit.Revoke("  ก่อสร้างผิดแบบ  ", approver, Now);
        var second = permit.Revoke("อีกครั้ง", approver, Now);

        Assert.True(first.IsSuccess);
        Assert.Equal("ก่อสร้างผิดแบบ", permit.RevocationReasons);
        Assert.Equal(PermitStanding.Revoked, permit.StandingOn(new DateOnly(2026, 11, 27)));
        Assert.IsType<ConflictError>(second.Error);
    }

    [Fact]
    public void Revoke_WithoutReasons_IsRefused_AndChangesNothing()
    {
        var permit = NewPermit(validUntil: null);

        var result = permit.Revoke(" ", Guid.NewGuid(), Now);

        var error = Assert.IsType<ValidationFailed>(result.Error);
        Assert.Contains("reasons", error.Errors.Keys);
        Assert.Null(permit.RevokedAt);
    }

    private static Permit NewPermit(DateOnly? validUntil) => Permit.Issue(
        new PermitIssue(Guid.NewGuid(), "1001-PMT-2569-000001", Guid.NewGuid(), "1001-2569-000001", "building-permit-k1", "1001", "public-works", Guid.NewGuid(),
            "สมหญิง ใจดี", "เลขที่ 99 ถนนราชดำเนินกลาง", "ถนนราชดำเนินกลาง แขวงบวรนิเวศ", "construct",
            [new PermittedBuilding("บ้านเดี่ยว", "พักอาศัย", 2, 7.5m, 140m, 20m)], new DateOnly(2026, 11, 26), validUntil, Guid.NewGuid()),
        new string('a', 64),
        Now);
}
