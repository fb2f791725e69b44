using System.Security.Cryptography;
using System.Text;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Idempotency;
using Anuyat.Web.Features.Accounts;
using Microsoft.Net.Http.Headers;

namespace Anuyat.Web.Platform;

/// <summary>
/// <c>Idempotency-Key</c> for minimal-API POSTs (API.md): the same key and the same request return the first response
/// again (status, content type, Location, body) without running the handler; the same key with another request is a
/// 422; a duplicate that arrives while the first is still running gets 409 and retries. Keys belong to the signed-in
/// account; an anonymous request has nobody to scope its key to, so the key is ignored and the handler runs as usual.
/// <para>
/// It wraps the endpoint's request delegate rather than being an <c>IEndpointFilter</c>: filters run after the body
/// has been bound, and the key must be checked against the raw body, and the whole response must be captured.
/// Authorization has already run when it is reached.
/// </para>
/// </summary>
public static class IdempotencyFilter
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>Honours <c>Idempotency-Key</c> on this endpoint.</summary>
    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            var inner = endpoint.RequestDelegate ?? throw new InvalidOperationException("WithIdempotency() needs an endpoint with a handler.");
            endpoint.RequestDelegate = http => InvokeAsync(http, inner);
            endpoint.Metadata.Add(new IdempotentEndpoint());
        });
        return builder;
    }

    private static async Task InvokeAsync(HttpContext http, RequestDelegate inner)
    {
        if (!http.Request.Headers.TryGetValue(HeaderName, out var values))
        {
            await inner(http);
            return;
        }

        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > IdempotencyRecord.MaxKeyLength || !key.All(c => c is > ' ' and < (char)0x7F))
        {
            await ErrorResponses.ValidationProblem(new Dictionary<string, BilingualText[]>
            {
                [HeaderName] = [new BilingualText("Idempotency-Key ต้องยาว 1–100 ตัวอักษร (ASCII ที่พิมพ์ได้)", "Idempotency-Key must be 1–100 printable ASCII characters")],
            }).ExecuteAsync(http);
            return;
        }

        var user = CurrentUser.From(http.User);
        if (user is null)
        {
            await inner(http);
            return;
        }

        string requestHash;
        try
        {
            requestHash = await HashRequestAsync(http.Request, http.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            // Over the endpoint's request size limit (413) or a broken body: nothing has run.
            await Results.Problem(statusCode: e.StatusCode, type: ErrorResponses.TypeBase + "bad-request", title: Text.T("คำขอใหญ่เกินไปหรือไม่สมบูรณ์", "The request is too large or incomplete")).ExecuteAsync(http);
            return;
        }

        // Its own scope (and so its own DbContext): the handler's unit of work stays its own.
        await using var scope = http.RequestServices.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IdempotencyStore>();
        var caller = "account:" + user.AccountId.ToString("N");
        var begin = await store.BeginAsync(caller, key, requestHash, http.RequestAborted);
        switch (begin.Decision)
        {
            case IdempotencyDecision.Replay:
                await ReplayAsync(http, begin.Record!);
                return;
            case IdempotencyDecision.KeyReused:
                await ErrorResponses.Problem(new RuleViolation(
                    "idempotency-key-reused",
                    new BilingualText("Idempotency-Key นี้ใช้กับคำขออื่นไปแล้ว โปรดใช้คีย์ใหม่", "This Idempotency-Key was already used for a different request; use a new key"))).ExecuteAsync(http);
                return;
            case IdempotencyDecision.InProgress:
                http.Response.Headers.RetryAfter = "1";
                await ErrorResponses.Problem(new ConflictError(
                    "idempotency-in-progress",
                    new BilingualText("คำขอเดียวกันกำลังดำเนินการอยู่ โปรดลองใหม่อีกครั้งในอีกสักครู่", "The same request is still being processed; retry in a moment"))).ExecuteAsync(http);
                return;
            case IdempotencyDecision.Run:
                break;
            default:
                throw new InvalidOperationException($"Unknown idempotency decision {begin.Decision}.");
        }

        var record = begin.Record!;
        var original = http.Response.Body;
        using var captured = new MemoryStream();
        http.Response.Body = captured;
        try
        {
            await inner(http);
        }
        catch
        {
            http.Response.Body = original;
            await store.ReleaseAsync(record, CancellationToken.None);
            throw;
        }

        http.Response.Body = original;
        var body = captured.ToArray();
        var status = http.Response.StatusCode;
        if (status >= 500 || body.Length > IdempotencyStore.MaxStoredBody)
        {
            // A server failure is not an answer to keep: the client's retry with the same key runs again.
            await store.ReleaseAsync(record, CancellationToken.None);
        }
        else
        {
            // Not cancellable: once the handler has acted, its answer must be kept even if the client went away.
            await store.CompleteAsync(record, status, http.Response.ContentType, http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, body, CancellationToken.None);
        }

        await original.WriteAsync(body, http.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecord record)
    {
        http.Response.StatusCode = record.StatusCode;
        if (record.ContentType is not null)
        {
            http.Response.ContentType = record.ContentType;
        }

        if (record.Location is not null)
        {
            http.Response.Headers.Location = record.Location;
        }

        http.Response.Headers[ReplayedHeader] = "true";
        if (record.Body is { Length: > 0 } body)
        {
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        }
    }

    /// <summary>
    /// SHA-256 over method, path with query, and the raw body, leaving the body readable for the handler. A multipart
    /// body's boundary is chosen at random by the client on every send, so it is hashed as a fixed token: a retry of the
    /// same upload is the same request.
    /// </summary>
    private static async Task<string> HashRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        request.Body.Position = 0;

        var boundary = MultipartBoundary(request.ContentType);
        var remaining = body.GetBuffer().AsSpan(0, (int)body.Length);
        if (boundary is null)
        {
            hash.AppendData(remaining);
        }
        else
        {
            var marker = Encoding.ASCII.GetBytes("--" + boundary);
            int at;
            while ((at = remaining.IndexOf(marker)) >= 0)
            {
                hash.AppendData(remaining[..at]);
                hash.AppendData("--boundary"u8);
                remaining = remaining[(at + marker.Length)..];
            }

            hash.AppendData(remaining);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string? MultipartBoundary(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media) ||
            !media.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        return string.IsNullOrEmpty(boundary) ? null : boundary;
    }
}

/// <summary>Marks an endpoint that honours <c>Idempotency-Key</c> (for OpenAPI and the route table tests).</summary>
public sealed class IdempotentEndpoint;
