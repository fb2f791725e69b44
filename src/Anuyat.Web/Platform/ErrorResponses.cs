using Anuyat.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Anuyat.Web.Platform;

/// <summary>
/// The one place where business outcomes and bugs become HTTP responses: RFC 9457 problem details for the API with a
/// stable <c>type</c>, and messages in the caller's language.
/// </summary>
public static class ErrorResponses
{
    public const string TypeBase = "https://anuyat.example/problems/";

    public static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    /// <summary>Maps a typed business error to a problem response.</summary>
    public static IResult Problem(DomainError error)
    {
        if (error is ValidationFailed validation)
        {
            return ValidationProblem(validation.Errors);
        }

        var status = error switch
        {
            NotFoundError => StatusCodes.Status404NotFound,
            ConflictError => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        var extensions = new Dictionary<string, object?>
        {
            ["code"] = error.Code,
            ["messageTh"] = error.Message.Th,
            ["messageEn"] = error.Message.En,
        };
        if (error.LegalBasis is not null)
        {
            extensions["legalBasis"] = error.LegalBasis;
        }

        return Results.Problem(title: Text.T(error.Message), statusCode: status, type: TypeBase + error.Code, extensions: extensions);
    }

    /// <summary>Field errors keyed by the field's path, each message in the caller's language.</summary>
    public static IResult ValidationProblem(IReadOnlyDictionary<string, BilingualText[]> errors) =>
        Results.ValidationProblem(
            errors.ToDictionary(e => e.Key, e => e.Value.Select(Text.T).ToArray()),
            title: Text.T("ข้อมูลบางช่องไม่ถูกต้อง", "Some fields need correcting"),
            type: TypeBase + "validation");

    public static async Task HandleApiExceptionAsync(HttpContext http)
    {
        var feature = http.Features.Get<IExceptionHandlerFeature>();
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Anuyat.Errors");
        logger.LogError(feature?.Error, "Unhandled error on {Method} {Path} (trace {TraceId})", http.Request.Method, feature?.Path, http.TraceIdentifier);
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        var problem = new ProblemDetails
        {
            Status = 500,
            Type = TypeBase + "internal",
            Title = Text.T("ระบบขัดข้อง โปรดลองใหม่อีกครั้ง", "Something went wrong on our side; please try again"),
            Extensions = { ["traceId"] = http.TraceIdentifier },
        };
        await Results.Problem(problem).ExecuteAsync(http);
    }
}
