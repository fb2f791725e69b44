using Anuyat.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Anuyat.Web.Features.Accounts;

/// <summary>The caller holds one of the roles and, for staff, proved a second factor in this session.</summary>
public sealed class StaffRequirement(IReadOnlyCollection<Role> roles) : IAuthorizationRequirement
{
    public IReadOnlyCollection<Role> Roles { get; } = roles;
}

/// <summary>
/// Staff act on other people's ID numbers, deeds and plans, so a password alone is not enough outside Development.
/// </summary>
public sealed class StaffRequirementHandler(StaffSecondFactor rule) : AuthorizationHandler<StaffRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffRequirement requirement)
    {
        var user = CurrentUser.From(context.User);
        if (user is not null && requirement.Roles.Contains(user.Role) && rule.IsSatisfiedBy(user))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Whether staff must have proved a second factor in this session: always, except in Development.</summary>
public sealed record StaffSecondFactor(bool Required)
{
    public bool IsSatisfiedBy(CurrentUser user) => !user.IsStaff || user.SecondFactor || !Required;
}
