using Anuyat.Infrastructure.Audit;
using Anuyat.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Anuyat.Infrastructure.Documents;

/// <summary>
/// Wraps whichever store is configured so that a document whose bytes no longer match their hash leaves a
/// <c>document.integrity-failure</c> entry in the audit trail (in its own unit of work, so the caller's pending
/// changes are not dragged along) before the <see cref="DocumentIntegrityException"/> reaches the caller.
/// </summary>
public sealed partial class AuditedDocumentStore(IDocumentStore inner, IServiceScopeFactory scopes, ILogger<AuditedDocumentStore> logger) : IDocumentStore
{
    public IDocumentStore Inner => inner;

    public Task<StoredDocument> PutAsync(Stream content, CancellationToken cancellationToken = default) => inner.PutAsync(content, cancellationToken);

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.OpenReadAsync(sha256, cancellationToken);
        }
        catch (DocumentIntegrityException)
        {
            await RecordAsync(sha256);
            throw;
        }
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) => inner.ExistsAsync(sha256, cancellationToken);

    public Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken = default) => inner.DeleteAsync(sha256, cancellationToken);

    public IAsyncEnumerable<string> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);

    private async Task RecordAsync(string sha256)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            trail.Append(AuditActor.System, "document.integrity-failure", "document", sha256,
                new("ไฟล์เอกสารที่เก็บไว้ไม่ตรงกับค่าแฮช ระบบไม่ส่งไฟล์นั้นให้ผู้ใด", "A stored document no longer matches its hash; it was not served to anyone"),
                new { sha256 });
            // Not the caller's token: the event is recorded even when the request that found the damage is abandoned.
            await scope.ServiceProvider.GetRequiredService<AnuyatDbContext>().SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // The critical log line from the store stands; the refusal to serve is what protects the reader.
            LogAuditFailed(logger, e, sha256);
        }
    }

    [LoggerMessage(EventId = 9002, Level = LogLevel.Error, Message = "Could not record the integrity failure of document {Sha256} in the audit trail")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception, string sha256);
}
