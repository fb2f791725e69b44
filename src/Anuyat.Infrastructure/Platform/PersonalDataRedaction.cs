using System.Collections;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Anuyat.Infrastructure.Platform;

/// <summary>
/// Masks national IDs, e-mail addresses and phone numbers in anything written to the log (PDPA B.E. 2562 s.37(1):
/// security of personal data; logs are copied to places the database is not). Log lines should carry ids, never
/// personal data; this is the net under that rule, not a licence to log it.
/// </summary>
public static partial class PersonalDataRedactor
{
    // 13 digits, optionally grouped 1-2345-67890-12-3; not part of a longer run of letters, digits or dashes (GUIDs, hashes).
    [GeneratedRegex(@"(?<![\w-])\d[-\s]?\d{4}[-\s]?\d{5}[-\s]?\d{2}[-\s]?\d(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex NationalId();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // Thai numbers: 0X-XXX-XXXX / 0XX-XXX-XXXX (spaces or dashes optional) or +66 X XXX XXXX.
    [GeneratedRegex(@"(?<![\w-])(?:\+66[-\s]?\d{1,2}|0\d{1,2})[-\s]?\d{3}[-\s]?\d{3,4}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = Email().Replace(text, "[email]");
        masked = NationalId().Replace(masked, "[national-id]");
        return Phone().Replace(masked, "[phone]");
    }

    /// <summary>Wraps every logger provider registered so far; call after all logging is configured.</summary>
    public static IServiceCollection AddPersonalDataRedaction(this IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(ILoggerProvider) || descriptor.Lifetime != ServiceLifetime.Singleton)
            {
                continue;
            }

            services[i] = ServiceDescriptor.Singleton<ILoggerProvider>(sp => new RedactingLoggerProvider(Create(sp, descriptor)));
        }

        return services;
    }

    private static ILoggerProvider Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance as ILoggerProvider
        ?? (descriptor.ImplementationFactory is not null
            ? (ILoggerProvider)descriptor.ImplementationFactory(services)
            : (ILoggerProvider)ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}

/// <summary>A provider whose loggers hand the inner logger a masked message and masked structured values.</summary>
public sealed class RedactingLoggerProvider(ILoggerProvider inner) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        if (inner is ISupportExternalScope scoped)
        {
            scoped.SetScopeProvider(scopeProvider);
        }
    }

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = PersonalDataRedactor.Redact(formatter(state, exception));
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Key == "{OriginalFormat}" || p.Value is null or Guid or int or long or DateTime or bool ? p.Value : PersonalDataRedactor.Redact(Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty))).ToList()
                : [];
            inner.Log(logLevel, eventId, new RedactedState(message, values), exception, static (s, _) => s.Message);
        }
    }

    /// <summary>Structured values for JSON logs, plus the masked message.</summary>
    public sealed class RedactedState(string message, IReadOnlyList<KeyValuePair<string, object?>> values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public int Count => values.Count;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }
}
