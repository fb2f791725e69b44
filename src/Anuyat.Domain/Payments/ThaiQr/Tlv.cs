using System.Globalization;
using System.Text;

namespace Anuyat.Domain.Payments.ThaiQr;

/// <summary>One EMVCo data object: a 2-digit tag and its value (a template's value holds nested data objects).</summary>
public sealed record TlvField(string Tag, string Value);

/// <summary>EMVCo TLV: 2-digit tag, 2-digit decimal length, value (at most 99 characters).</summary>
public static class Tlv
{
    public static string Encode(string tag, string value)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(value);
        if (tag.Length != 2 || !tag.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Tag '{tag}' is not two digits.", nameof(tag));
        }

        if (value.Length is 0 or > 99)
        {
            throw new ArgumentException($"Tag {tag}: a value must be 1 to 99 characters, not {value.Length}.", nameof(value));
        }

        return tag + value.Length.ToString("D2", CultureInfo.InvariantCulture) + value;
    }

    public static string Encode(IEnumerable<TlvField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            text.Append(Encode(field.Tag, field.Value));
        }

        return text.ToString();
    }

    /// <summary>Splits a string of data objects; null when it is not well formed.</summary>
    public static IReadOnlyList<TlvField>? TryDecode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new List<TlvField>();
        var i = 0;
        while (i < text.Length)
        {
            if (i + 4 > text.Length
                || !text.AsSpan(i, 4).ToString().All(char.IsAsciiDigit))
            {
                return null;
            }

            var tag = text.Substring(i, 2);
            var length = int.Parse(text.AsSpan(i + 2, 2), NumberStyles.None, CultureInfo.InvariantCulture);
            if (length == 0 || i + 4 + length > text.Length)
            {
                return null;
            }

            fields.Add(new TlvField(tag, text.Substring(i + 4, length)));
            i += 4 + length;
        }

        return fields;
    }
}
