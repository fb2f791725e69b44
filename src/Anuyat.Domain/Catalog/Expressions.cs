using System.Globalization;
using System.Text;

namespace Anuyat.Domain.Catalog;

// A tiny typed expression language for conditions and fee tiers. NCalc parses and evaluates but cannot tell at load
// time that `storeys > 'two'` or a reference to a field that does not exist is wrong; a catalog must be rejected
// before it serves, so we parse into a tree and type-check every identifier against the definition's fields.
//
// Grammar: or := and (('||'|'or') and)* ; and := not (('&&'|'and') not)* ; not := ('!'|'not') not | cmp ;
// cmp := add (('=='|'!='|'<'|'<='|'>'|'>=') add)? ; add := mul (('+'|'-') mul)* ; mul := unary (('*'|'/') unary)* ;
// unary := '-' unary | primary ; primary := number | 'text' | true | false | path | fn '(' path ')' | '(' or ')'.
// Functions over a table column: sum(buildings.floorAreaM2), max(...), min(...), count(buildings); floor(x).

/// <summary>The static type of an expression.</summary>
public enum ExprType
{
    Bool,
    Number,
    Text,
    Date,
    NumberList,
    Table,
}

/// <summary>A parsed expression node.</summary>
public abstract record Expr;

public sealed record LiteralExpr(object Value) : Expr;

public sealed record PathExpr(IReadOnlyList<string> Segments) : Expr
{
    public string Text => string.Join('.', Segments);
}

public sealed record UnaryExpr(string Op, Expr Operand) : Expr;

public sealed record BinaryExpr(string Op, Expr Left, Expr Right) : Expr;

public sealed record CallExpr(string Function, PathExpr Argument) : Expr;

/// <summary><c>floor(x)</c>: the whole part of a number (e.g. whole m³ before a remainder is charged).</summary>
public sealed record FloorExpr(Expr Operand) : Expr;

/// <summary>A parse or type error with a human-readable message (English; catalog authors are administrators).</summary>
public sealed class ExpressionException(string message) : Exception(message);

/// <summary>Parses expression text into an <see cref="Expr"/> tree.</summary>
public sealed class ExpressionParser
{
    private static readonly string[] Functions = ["sum", "max", "min", "count"];
    private readonly List<string> _tokens;
    private int _position;

    private ExpressionParser(List<string> tokens) => _tokens = tokens;

    public static Expr Parse(string text)
    {
        var parser = new ExpressionParser(Tokenize(text));
        var expr = parser.ParseOr();
        return parser._position < parser._tokens.Count
            ? throw new ExpressionException($"unexpected '{parser._tokens[parser._position]}' in '{text}'")
            : expr;
    }

    private string? Peek => _position < _tokens.Count ? _tokens[_position] : null;

    private bool Accept(params string[] options)
    {
        if (Peek is { } token && options.Contains(token, StringComparer.Ordinal))
        {
            _position++;
            return true;
        }

        return false;
    }

    private string Next() => _position < _tokens.Count ? _tokens[_position++] : throw new ExpressionException("the expression ends too early");

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Accept("||", "or"))
        {
            left = new BinaryExpr("||", left, ParseAnd());
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (Accept("&&", "and"))
        {
            left = new BinaryExpr("&&", left, ParseNot());
        }

        return left;
    }

    private Expr ParseNot() => Accept("!", "not") ? new UnaryExpr("!", ParseNot()) : ParseComparison();

    private Expr ParseComparison()
    {
        var left = ParseAdditive();
        if (Peek is "==" or "!=" or "<" or "<=" or ">" or ">=")
        {
            var op = Next();
            return new BinaryExpr(op, left, ParseAdditive());
        }

        return left;
    }

    private Expr ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Peek is "+" or "-")
        {
            var op = Next();
            left = new BinaryExpr(op, left, ParseMultiplicative());
        }

        return left;
    }

    private Expr ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Peek is "*" or "/")
        {
            var op = Next();
            left = new BinaryExpr(op, left, ParseUnary());
        }

        return left;
    }

    private Expr ParseUnary() => Accept("-") ? new UnaryExpr("-", ParseUnary()) : ParsePrimary();

    private Expr ParsePrimary()
    {
        var token = Next();
        if (token == "(")
        {
            var inner = ParseOr();
            return Accept(")") ? inner : throw new ExpressionException("a ')' is missing");
        }

        if (token.StartsWith('\''))
        {
            return new LiteralExpr(token[1..^1]);
        }

        if (char.IsAsciiDigit(token[0]))
        {
            return new LiteralExpr(decimal.Parse(token, NumberStyles.Number, CultureInfo.InvariantCulture));
        }

        if (token is "true" or "false")
        {
            return new LiteralExpr(token == "true");
        }

        if (!char.IsAsciiLetter(token[0]))
        {
            throw new ExpressionException($"unexpected '{token}'");
        }

        if (token == "floor" && Accept("("))
        {
            var operand = ParseOr();
            return Accept(")") ? new FloorExpr(operand) : throw new ExpressionException("floor(…) needs a ')'");
        }

        if (Functions.Contains(token, StringComparer.Ordinal) && Accept("("))
        {
            var argument = ParsePath(Next());
            return Accept(")") ? new CallExpr(token, argument) : throw new ExpressionException($"{token}(…) takes one field path and a ')'");
        }

        return ParsePath(token);
    }

    private PathExpr ParsePath(string first)
    {
        if (!char.IsAsciiLetter(first[0]))
        {
            throw new ExpressionException($"expected a field name, not '{first}'");
        }

        var segments = new List<string> { first };
        while (Accept("."))
        {
            segments.Add(Next());
        }

        return new PathExpr(segments);
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
            else if (c == '\'')
            {
                var end = text.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    throw new ExpressionException("a quoted text is not closed");
                }

                tokens.Add(text[i..(end + 1)]);
                i = end + 1;
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : string.Empty;
                if (two is "==" or "!=" or "<=" or ">=" or "&&" or "||")
                {
                    tokens.Add(two);
                    i += 2;
                }
                else if ("()<>!+-*/.".Contains(c, StringComparison.Ordinal))
                {
                    tokens.Add(c.ToString());
                    i++;
                }
                else
                {
                    throw new ExpressionException($"unexpected character '{c}'");
                }
            }
        }

        return tokens;
    }
}

/// <summary>Type-checks an expression against a resolver that knows the definition's fields.</summary>
public static class ExpressionTypes
{
    /// <summary>Returns the expression's type or throws <see cref="ExpressionException"/> naming the problem.</summary>
    public static ExprType Check(Expr expr, Func<IReadOnlyList<string>, ExprType?> resolve, HashSet<string>? referenced = null)
    {
        switch (expr)
        {
            case LiteralExpr { Value: bool }:
                return ExprType.Bool;
            case LiteralExpr { Value: decimal }:
                return ExprType.Number;
            case LiteralExpr:
                return ExprType.Text;
            case PathExpr path:
                {
                    referenced?.Add(path.Text);
                    var type = resolve(path.Segments) ?? throw new ExpressionException($"'{path.Text}' is not a field of this service");
                    return type is ExprType.NumberList or ExprType.Table
                        ? throw new ExpressionException($"'{path.Text}' is a table column; use sum(), max(), min() or count()")
                        : type;
                }

            case CallExpr call:
                {
                    referenced?.Add(call.Argument.Text);
                    var type = resolve(call.Argument.Segments) ?? throw new ExpressionException($"'{call.Argument.Text}' is not a field of this service");
                    if (call.Function == "count")
                    {
                        return type == ExprType.Table ? ExprType.Number : throw new ExpressionException($"count() needs a table, and '{call.Argument.Text}' is not one");
                    }

                    return type == ExprType.NumberList ? ExprType.Number : throw new ExpressionException($"{call.Function}() needs a number column of a table such as buildings.floorAreaM2, not '{call.Argument.Text}'");
                }

            case FloorExpr floor:
                return Check(floor.Operand, resolve, referenced) == ExprType.Number ? ExprType.Number : throw new ExpressionException("floor() needs a number");
            case UnaryExpr unary:
                {
                    var operand = Check(unary.Operand, resolve, referenced);
                    var expected = unary.Op == "!" ? ExprType.Bool : ExprType.Number;
                    return operand == expected ? expected : throw new ExpressionException($"'{unary.Op}' needs a {Name(expected)}, not a {Name(operand)}");
                }

            case BinaryExpr binary:
                {
                    var left = Check(binary.Left, resolve, referenced);
                    var right = Check(binary.Right, resolve, referenced);
                    switch (binary.Op)
                    {
                        case "&&" or "||":
                            return left == ExprType.Bool && right == ExprType.Bool ? ExprType.Bool : throw new ExpressionException($"'{binary.Op}' joins yes/no conditions, not {Name(left)} and {Name(right)}");
                        case "+" or "-" or "*" or "/":
                            return left == ExprType.Number && right == ExprType.Number ? ExprType.Number : throw new ExpressionException($"'{binary.Op}' needs numbers, not {Name(left)} and {Name(right)}");
                        case "==" or "!=":
                            return left == right ? ExprType.Bool : throw new ExpressionException($"cannot compare a {Name(left)} with a {Name(right)}");
                        default:
                            return left == right && left is ExprType.Number or ExprType.Date
                                ? ExprType.Bool
                                : throw new ExpressionException($"'{binary.Op}' compares numbers or dates, not {Name(left)} and {Name(right)}");
                    }
                }

            default:
                throw new ExpressionException("unknown expression");
        }
    }

    private static string Name(ExprType type) => type switch
    {
        ExprType.Bool => "yes/no",
        ExprType.Number => "number",
        ExprType.Text => "text",
        ExprType.Date => "date",
        ExprType.NumberList => "table column",
        _ => "table",
    };
}

/// <summary>
/// Evaluates a type-checked expression against answers. A missing answer makes a comparison false and arithmetic
/// unknown, so "shown when" conditions hide rather than fail while the form is incomplete.
/// </summary>
public static class ExpressionEvaluator
{
    public static bool IsTrue(Expr expr, AnswerScope scope) => Evaluate(expr, scope) is true;

    public static object? Evaluate(Expr expr, AnswerScope scope)
    {
        switch (expr)
        {
            case LiteralExpr literal:
                return literal.Value;
            case PathExpr path:
                return scope.Value(path.Segments);
            case CallExpr call:
                {
                    if (call.Function == "count")
                    {
                        return (decimal)scope.Rows(call.Argument.Segments[0]).Count;
                    }

                    var values = scope.Column(call.Argument.Segments);
                    return call.Function switch
                    {
                        "sum" => values.Sum(),
                        "max" => values.Count == 0 ? 0m : values.Max(),
                        _ => values.Count == 0 ? 0m : values.Min(),
                    };
                }

            case FloorExpr floor:
                return Evaluate(floor.Operand, scope) is decimal value ? decimal.Floor(value) : null;
            case UnaryExpr unary:
                {
                    var operand = Evaluate(unary.Operand, scope);
                    return unary.Op == "!" ? operand is not true : operand is decimal d ? -d : null;
                }

            case BinaryExpr { Op: "&&" } and:
                return IsTrue(and.Left, scope) && IsTrue(and.Right, scope);
            case BinaryExpr { Op: "||" } or:
                return IsTrue(or.Left, scope) || IsTrue(or.Right, scope);
            case BinaryExpr binary:
                {
                    var left = Evaluate(binary.Left, scope);
                    var right = Evaluate(binary.Right, scope);
                    if (binary.Op is "+" or "-" or "*" or "/")
                    {
                        return left is decimal a && right is decimal b
                            ? binary.Op switch { "+" => a + b, "-" => a - b, "*" => a * b, _ => b == 0 ? null : a / b }
                            : null;
                    }

                    if (left is null || right is null)
                    {
                        return binary.Op == "!=" && !(left is null && right is null);
                    }

                    var order = Compare(left, right);
                    return binary.Op switch
                    {
                        "==" => order == 0,
                        "!=" => order != 0,
                        "<" => order < 0,
                        "<=" => order <= 0,
                        ">" => order > 0,
                        _ => order >= 0,
                    };
                }

            default:
                return null;
        }
    }

    private static int Compare(object left, object right) => (left, right) switch
    {
        (decimal a, decimal b) => a.CompareTo(b),
        (DateOnly a, DateOnly b) => a.CompareTo(b),
        (bool a, bool b) => a.CompareTo(b),
        _ => string.CompareOrdinal(Convert.ToString(left, CultureInfo.InvariantCulture), Convert.ToString(right, CultureInfo.InvariantCulture)),
    };
}

/// <summary>Renders an expression back to text (for diffs and messages).</summary>
public static class ExpressionText
{
    public static string Write(Expr expr)
    {
        var builder = new StringBuilder();
        Write(expr, builder);
        return builder.ToString();
    }

    private static void Write(Expr expr, StringBuilder builder)
    {
        switch (expr)
        {
            case LiteralExpr { Value: string s }:
                builder.Append('\'').Append(s).Append('\'');
                break;
            case LiteralExpr { Value: bool b }:
                builder.Append(b ? "true" : "false");
                break;
            case LiteralExpr literal:
                builder.Append(Convert.ToString(literal.Value, CultureInfo.InvariantCulture));
                break;
            case PathExpr path:
                builder.Append(path.Text);
                break;
            case CallExpr call:
                builder.Append(call.Function).Append('(').Append(call.Argument.Text).Append(')');
                break;
            case FloorExpr floor:
                builder.Append("floor(");
                Write(floor.Operand, builder);
                builder.Append(')');
                break;
            case UnaryExpr unary:
                builder.Append(unary.Op);
                Write(unary.Operand, builder);
                break;
            case BinaryExpr binary:
                builder.Append('(');
                Write(binary.Left, builder);
                builder.Append(' ').Append(binary.Op).Append(' ');
                Write(binary.Right, builder);
                builder.Append(')');
                break;
            default:
                break;
        }
    }
}
