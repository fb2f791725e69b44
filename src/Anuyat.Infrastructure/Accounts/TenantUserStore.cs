using Anuyat.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Infrastructure.Accounts;

/// <summary>
/// Identity's store, minus its three look-ups by primary key (<c>FindAsync</c>): account, user-role and token keys
/// now lead with <c>tenant_id</c> (<see cref="TenantModel"/>), so these query by their columns instead — inside the
/// tenant query filter like every other read.
/// </summary>
public sealed class TenantUserStore(AnuyatDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<Account, IdentityRole<Guid>, AnuyatDbContext, Guid>(context, describer)
{
    public override Task<Account?> FindByIdAsync(string userId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        var id = ConvertIdFromString(userId);
        return Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
    }

    protected override Task<IdentityUserRole<Guid>?> FindUserRoleAsync(Guid userId, Guid roleId, CancellationToken cancellationToken) =>
        Context.Set<IdentityUserRole<Guid>>().FirstOrDefaultAsync(r => r.UserId == userId && r.RoleId == roleId, cancellationToken);

    protected override Task<IdentityUserToken<Guid>?> FindTokenAsync(Account user, string loginProvider, string name, CancellationToken cancellationToken) =>
        Context.Set<IdentityUserToken<Guid>>().FirstOrDefaultAsync(t => t.UserId == user.Id && t.LoginProvider == loginProvider && t.Name == name, cancellationToken);
}
