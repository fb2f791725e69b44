using System.Text.Json.Nodes;
using Anuyat.Domain.Catalog;

namespace Anuyat.Domain.Tests.Catalog;

public sealed class ExpressionTests
{
    private static ServiceDefinition Definition() => new()
    {
        Code = "svc",
        Fields =
        [
            new() { Name = "kind", Type = FieldTypes.Choice, Options = [new() { Value = "a" }, new() { Value = "b" }] },
            new() { Name = "rows", Type = FieldTypes.Table, Fields = [new() { Name = "size", Type = FieldTypes.Number, Min = 0 }] },
            new() { Name = "ok", Type = FieldTypes.YesNo },
        ],
    };

    private static ExprType? Resolve(ServiceDefinition d, IReadOnlyList<string> path) => CatalogValidator.Resolve(d, null, path);

    [Theory]
    [InlineData("kind == 'a' && !ok", ExprType.Bool)]
    [InlineData("sum(rows.size) * 2 + 1", ExprType.Number)]
    [InlineData("count(rows) >= 2 or kind != 'b'", ExprType.Bool)]
    [InlineData("floor(sum(rows.size) / 3)", ExprType.Number)]
    public void Check_WellTypedExpressions_HaveTheirType(string text, ExprType expected)
    {
        var d = Definition();

        Assert.Equal(expected, ExpressionTypes.Check(ExpressionParser.Parse(text), p => Resolve(d, p)));
    }

    [Theory]
    [InlineData("size > 1", "'size' is not a field")]
    [InlineData("rows.size > 1", "is a table column")]
    [InlineData("kind + 1 > 2", "'+' needs numbers")]
    [InlineData("ok && 3", "joins yes/no conditions")]
    [InlineData("(kind == 'a'", "')' is missing")]
    [InlineData("kind === 'a'", "unexpected")]
    public void Check_BadExpressions_SayWhatIsWrong(string text, string message)
    {
        var d = Definition();

        var error = Assert.Throws<ExpressionException>(() => ExpressionTypes.Check(ExpressionParser.Parse(text), p => Resolve(d, p)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MissingAnswers_MakeComparisonsFalseNotErrors()
    {
        var d = Definition();
        var scope = new AnswerScope(d, new JsonObject());

        Assert.False(ExpressionEvaluator.IsTrue(ExpressionParser.Parse("kind == 'a'"), scope));
        Assert.True(ExpressionEvaluator.IsTrue(ExpressionParser.Parse("kind != 'a'"), scope));
        Assert.False(ExpressionEvaluator.IsTrue(ExpressionParser.Parse("sum(rows.size) > 0"), scope));
    }

    [Fact]
    public void Evaluate_TableFunctions_ReadEveryRow()
    {
        var d = Definition();
        var scope = new AnswerScope(d, JsonNode.Parse("""{"rows":[{"size":2},{"size":"3.5"},{"size":"x"}]}""")!.AsObject());

        Assert.Equal(5.5m, ExpressionEvaluator.Evaluate(ExpressionParser.Parse("sum(rows.size)"), scope));
        Assert.Equal(3.5m, ExpressionEvaluator.Evaluate(ExpressionParser.Parse("max(rows.size)"), scope));
        Assert.Equal(3m, ExpressionEvaluator.Evaluate(ExpressionParser.Parse("count(rows)"), scope));
    }
}
