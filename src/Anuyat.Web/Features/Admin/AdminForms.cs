using Anuyat.Domain.Common;
using Anuyat.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using static Anuyat.Web.Platform.Text;

namespace Anuyat.Web.Features.Admin;

/// <summary>Small helpers the console's pages share.</summary>
public static class AdminForms
{
    /// <summary>Puts a domain outcome beside the fields it names (or at the top when it names none).</summary>
    public static void AddErrors(this ModelStateDictionary state, DomainError error)
    {
        if (error is ValidationFailed failed)
        {
            foreach (var (field, messages) in failed.Errors)
            {
                foreach (var message in messages)
                {
                    state.AddModelError(field, T(message));
                }
            }

            return;
        }

        state.AddModelError(string.Empty, T(error.Message));
    }

    /// <summary>A yyyy-MM-dd form value (a date input's format) read in the Gregorian calendar whatever the page's culture, or null.</summary>
    public static DateOnly? IsoDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;

    /// <summary>yyyy-MM-dd in the Gregorian calendar, for form values, data attributes and audit text (never the Thai culture's Buddhist year).</summary>
    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    public static CurrentUser Me(System.Security.Claims.ClaimsPrincipal user) => CurrentUser.From(user) ?? throw new InvalidOperationException("the admin policy let an anonymous caller through");
}
