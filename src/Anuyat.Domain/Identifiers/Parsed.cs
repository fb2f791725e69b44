using Anuyat.Domain.Common;

namespace Anuyat.Domain.Identifiers;

/// <summary>
/// The outcome of reading what someone typed into a form field: the normalised value, or a message in Thai and
/// English to show beside the field.
/// </summary>
public readonly struct Parsed<T>
{
    private readonly T? _value;

    private Parsed(T? value, BilingualText? error)
    {
        _value = value;
        Error = error;
    }

    public BilingualText? Error { get; }

    public bool IsValid => Error is null;

    public T Value => IsValid ? _value! : throw new InvalidOperationException($"Input is not valid: {Error!.Value.En}");

#pragma warning disable CA1000, CA2225 // Parsed<T>.Ok(...) reads better than a non-generic factory; the conversions are the point.
    public static Parsed<T> Ok(T value) => new(value, null);

    public static Parsed<T> Fail(BilingualText error) => new(default, error);

    public static implicit operator Parsed<T>(T value) => Ok(value);

    public static implicit operator Parsed<T>(BilingualText error) => Fail(error);
#pragma warning restore CA1000, CA2225
}

/// <summary>Shared input clean-up: people type spaces, dashes and Thai digits.</summary>
internal static class Typed
{
    /// <summary>Removes spaces, dashes, dots, slashes and brackets, and turns Thai digits (๐–๙) into ASCII digits.</summary>
    public static string Digits(string? input, bool keepPlus = false)
    {
        if (input is null)
        {
            return string.Empty;
        }

        var chars = new List<char>(input.Length);
        foreach (var c in input)
        {
            if (c is >= '\u0E50' and <= '\u0E59')
            {
                chars.Add((char)('0' + (c - '\u0E50')));
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '.' or '(' or ')' or '/' || (c == '+' && !keepPlus))
            {
                continue;
            }
            else
            {
                chars.Add(c);
            }
        }

        return new string([.. chars]);
    }

    public static bool AllAsciiDigits(string value) => value.Length > 0 && value.All(char.IsAsciiDigit);
}
