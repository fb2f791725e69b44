using Anuyat.Infrastructure.Notifications;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Anuyat.Web.Features.Notifications;

/// <summary>The signed-in person's own in-app messages, newest first; opening the page marks them read.</summary>
[Authorize]
public sealed class InboxModel(AnuyatDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<InboxMessage> Messages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = CurrentUser.From(User);
        if (user is null)
        {
            return Challenge();
        }

        Messages = await db.InboxMessages.AsNoTracking()
            .Where(m => m.RecipientAccountId == user.AccountId)
            .OrderByDescending(m => m.CreatedAt)
            .Take(200)
            .ToListAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.InboxMessages.Where(m => m.RecipientAccountId == user.AccountId && m.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now));
        return Page();
    }
}
