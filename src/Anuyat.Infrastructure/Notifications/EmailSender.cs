using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace Anuyat.Infrastructure.Notifications;

/// <summary>SMTP settings: <c>Smtp:Host</c>, <c>Smtp:Port</c>, <c>Smtp:From</c>, optional <c>Smtp:Username</c>/<c>Smtp:Password</c>.</summary>
public sealed record SmtpSettings(string Host, int Port, string From, string? Username, string? Password)
{
    /// <summary>The settings, or null when no host is configured (e-mails then wait in the outbox).</summary>
    public static SmtpSettings? Read(IConfiguration configuration)
    {
        var host = configuration["Smtp:Host"];
        if (string.IsNullOrWhiteSpace(host))
        {
            return null;
        }

        return new SmtpSettings(
            host,
            configuration.GetValue("Smtp:Port", 25),
            configuration["Smtp:From"] ?? "no-reply@anuyat.invalid",
            configuration["Smtp:Username"],
            configuration["Smtp:Password"]);
    }
}

public interface IEmailSender
{
    /// <summary>Sends a batch on one connection; returns per message null (sent) or the error text.</summary>
    Task<IReadOnlyList<string?>> SendAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);
}

/// <summary>Sends over SMTP with MailKit, STARTTLS when the server offers it.</summary>
public sealed class SmtpEmailSender(SmtpSettings settings) : IEmailSender
{
    public async Task<IReadOnlyList<string?>> SendAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var results = new string?[messages.Count];
        using var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username))
            {
                await client.AuthenticateAsync(settings.Username, settings.Password ?? string.Empty, cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or SmtpProtocolException or SmtpCommandException or AuthenticationException or SslHandshakeException)
        {
            Array.Fill(results, $"SMTP {settings.Host}:{settings.Port} unavailable: {e.Message}");
            return results;
        }

        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                await client.SendAsync(ToMime(messages[i]), cancellationToken);
            }
            // A malformed address fails this message only (recorded, retried with backoff), never the batch.
            catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException or MailKit.ServiceNotConnectedException or ParseException)
            {
                results[i] = e.Message;
            }
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(true, cancellationToken);
        }

        return results;
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.ToAddress));
        mime.Subject = message.Subject;
        mime.MessageId = $"{message.Id:N}@anuyat";
        mime.Headers.Add("Content-Language", message.Language);
        var body = new BodyBuilder { TextBody = message.BodyText, HtmlBody = message.BodyHtml };
        mime.Body = body.ToMessageBody();
        return mime;
    }
}

/// <summary>Used when no SMTP host is configured: nothing is sent, every message stays pending.</summary>
public sealed class UnconfiguredEmailSender : IEmailSender
{
    public Task<IReadOnlyList<string?>> SendAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string?>>([.. messages.Select(_ => (string?)"Smtp:Host is not configured")]);
}
