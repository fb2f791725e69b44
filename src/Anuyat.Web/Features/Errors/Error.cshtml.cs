using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anuyat.Web.Features.Errors;

/// <summary>The friendly error page: Thai and English, a trace id to quote, never exception text.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string TraceId { get; private set; } = string.Empty;

    public bool IsNotFound => Status == 404;

    public void OnGet([FromQuery] int? code) => Set(code);

    // From the query only: a re-executed POST still carries its form, and a form field named "Code" (the
    // authenticator's) once turned a 400 into a 500.
    public void OnPost([FromQuery] int? code) => Set(code);

    private void Set(int? code)
    {
        Status = code ?? 500;
        TraceId = HttpContext.TraceIdentifier;
        Response.StatusCode = Status;
    }
}
