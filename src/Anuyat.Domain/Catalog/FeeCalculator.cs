using System.Text.Json.Nodes;
using Anuyat.Domain.Common;

namespace Anuyat.Domain.Catalog;

/// <summary>One line of a fee quote, in satang.</summary>
public sealed record FeeLine(string Code, string LabelTh, string LabelEn, long AmountSatang, bool Unconfirmed);

/// <summary>The fees a set of answers would cost under one version of a definition.</summary>
public sealed record FeeQuote(string ServiceCode, int Version, long TotalSatang, IReadOnlyList<FeeLine> Lines);

/// <summary>
/// Applies a definition's fee rules to answers. All arithmetic is in satang (long); a per-unit quantity is rounded as
/// the rule states before it is multiplied (Building Control Act schedule: half a m² or more counts as one).
/// </summary>
public static class FeeCalculator
{
    public static Result<FeeQuote> Quote(ServiceDefinition definition, JsonObject answers)
    {
        var errors = AnswerValidator.Validate(definition, answers, feeOnly: true);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var scope = new AnswerScope(definition, answers);
        var lines = new List<FeeLine>();
        foreach (var rule in definition.Fees)
        {
            if (rule.When is not null && !ExpressionEvaluator.IsTrue(definition.Expression(rule.When), scope))
            {
                continue;
            }

            var amount = rule.Kind switch
            {
                FeeKinds.Fixed => rule.AmountSatang ?? 0,
                FeeKinds.ByChoice => scope.Value(rule.Field!.Split('.')) is string choice && rule.Amounts.TryGetValue(choice, out var a) ? a : 0,
                _ => PerUnit(definition, rule, scope),
            };
            lines.Add(new FeeLine(rule.Code, rule.Label.Th, rule.Label.En, amount, rule.Unconfirmed));
        }

        return new FeeQuote(definition.Code, definition.Version, lines.Sum(l => l.AmountSatang), lines);
    }

    private static long PerUnit(ServiceDefinition definition, FeeRule rule, AnswerScope scope)
    {
        if (rule.Each is null)
        {
            return Charge(definition, rule, scope, scope.Value([rule.Quantity!]) as decimal?);
        }

        var table = definition.Field([rule.Each])!;
        long total = 0;
        foreach (var row in scope.Rows(rule.Each))
        {
            var rowScope = scope.ForRow(table, row);
            var quantity = rule.Quantity is null ? 1m : rowScope.Value([rule.Quantity]) as decimal?;
            total += Charge(definition, rule, rowScope, quantity);
        }

        return total;
    }

    private static long Charge(ServiceDefinition definition, FeeRule rule, AnswerScope scope, decimal? quantity)
    {
        if (quantity is not { } q || q <= 0)
        {
            return 0;
        }

        var units = rule.Rounding switch
        {
            Roundings.HalfUp => Math.Round(q, MidpointRounding.AwayFromZero),
            Roundings.Up => Math.Ceiling(q),
            Roundings.Down => Math.Floor(q),
            _ => q,
        };
        var rate = rule.RateSatang ?? 0;
        foreach (var tier in rule.Tiers)
        {
            if (ExpressionEvaluator.IsTrue(definition.Expression(tier.When), scope))
            {
                rate = tier.RateSatang;
                break;
            }
        }

        // Satang are whole: a fractional product (rounding "none") is rounded half-up to the satang.
        return (long)Math.Round(units * rate, MidpointRounding.AwayFromZero);
    }
}
