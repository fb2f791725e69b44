using System.Text.Json;
using Anuyat.Infrastructure.Platform;

namespace Anuyat.Infrastructure.Privacy;

/// <summary>Who answers for personal data (PDPA B.E. 2562 s.23: the notice names the controller and the DPO's contact). Admin-edited: <c>reference/privacy.json</c>.</summary>
public sealed record PrivacyContact(bool Confirmed, string ControllerTh, string ControllerEn, string DpoTh, string DpoEn, string? Email, string? Phone, string? AddressTh, string? AddressEn);

/// <summary>How long one kind of record is kept; null keeps it (the application never deletes it).</summary>
public sealed record RetentionRule(string Record, int? KeepDays, string Why);

/// <summary>Retention per record type (PDPA s.23(3) tells the person how long; s.37(3) deletes after). <c>reference/retention.json</c>.</summary>
public sealed record RetentionRules(bool Confirmed, IReadOnlyList<RetentionRule> Rules)
{
    /// <summary>The record types the purge job knows; a rule for anything else is a typo and stops the start.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "applications", "audit-events", "outbox-messages", "inbox-messages", "unattached-uploads", "idempotency-records",
    };

    public int? KeepDays(string record) => Rules.FirstOrDefault(r => r.Record == record)?.KeepDays;
}

public static class PrivacyFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PrivacyContact ReadContact(string referenceFolder) =>
        Read<PrivacyContact>(Path.Combine(referenceFolder, "privacy.json"));

    public static RetentionRules ReadRetention(string referenceFolder)
    {
        var path = Path.Combine(referenceFolder, "retention.json");
        var rules = Read<RetentionRules>(path);
        foreach (var rule in rules.Rules)
        {
            if (!RetentionRules.Known.Contains(rule.Record))
            {
                throw new StartupException($"{path}: unknown record type '{rule.Record}' (known: {string.Join(", ", RetentionRules.Known)})");
            }

            if (rule.KeepDays is < 1)
            {
                throw new StartupException($"{path}: keepDays for '{rule.Record}' must be at least 1, or null to keep");
            }
        }

        return rules;
    }

    private static T Read<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) ?? throw new StartupException($"{path}: empty");
        }
        catch (JsonException e)
        {
            throw new StartupException($"{path}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: {e.Message}");
        }
        catch (FileNotFoundException)
        {
            throw new StartupException($"{path}: missing");
        }
    }
}
