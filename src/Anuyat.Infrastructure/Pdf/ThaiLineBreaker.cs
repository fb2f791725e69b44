using System.Globalization;

namespace Anuyat.Infrastructure.Pdf;

/// <summary>
/// Wraps text that may be Thai into lines no wider than a limit. Thai writes no spaces between words. Safety rules
/// that need no dictionary always hold: a grapheme cluster is never split (a consonant with its above/below vowels
/// and tone marks stays whole), a leading vowel (เ แ โ ใ ไ) is never separated from the consonant after it, and
/// ะ า ำ ๅ ๆ ฯ never start a line. Among the allowed points it prefers, in order: a space; a Thai word boundary from
/// the system ICU dictionary (<see cref="IcuLineBreaks"/>); a point that is certainly a syllable start or end (before
/// a leading vowel, after ะ ำ ๆ ฯ, between Thai and other scripts, after / or -); any other point between Thai
/// clusters; and only as a last resort a point inside a Latin word (a long URL).
/// </summary>
/// <remarks>
/// Limit: without ICU, or for words its dictionary misreads (รับคำ|ขอ), a Thai word may be split between two of its
/// syllables or, rarely, inside a syllable when no better point fits the line. Text always stays complete and
/// correctly shaped; only the break position may be less elegant than a typesetter's.
/// </remarks>
public static class ThaiLineBreaker
{
    /// <summary>How good a break before a given position is; higher is better.</summary>
    internal enum BreakQuality
    {
        Emergency = 0,
        ThaiCluster = 1,
        Syllable = 2,
        Word = 3,
        Space = 4,
    }

    /// <summary>Whether the system's ICU Thai dictionary is in use (else only the dictionary-free rules).</summary>
    public static bool DictionaryAvailable => IcuLineBreaks.IsAvailable;

    internal readonly record struct BreakPoint(int Index, BreakQuality Quality);

    /// <summary>
    /// Splits <paramref name="text"/> into lines whose measured width is at most <paramref name="maxWidth"/>.
    /// A newline in the text forces a break. Spaces at a break are dropped. A single cluster wider than the limit
    /// is placed on its own line rather than lost.
    /// </summary>
    /// <param name="useDictionary">Ask the system's ICU for Thai word boundaries (see <see cref="IcuLineBreaks"/>);
    /// false, or no ICU, uses the dictionary-free rules alone.</param>
    public static IReadOnlyList<string> Wrap(string text, float maxWidth, Func<string, float> measure, bool useDictionary = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        var lines = new List<string>();
        foreach (var hardLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            WrapOne(hardLine.Trim(), maxWidth, measure, useDictionary, lines);
        }

        return lines;
    }

    private static void WrapOne(string text, float maxWidth, Func<string, float> measure, bool useDictionary, List<string> lines)
    {
        if (text.Length == 0)
        {
            lines.Add(string.Empty);
            return;
        }

        var points = FindBreakPoints(text, useDictionary);
        var start = 0;
        while (start < text.Length)
        {
            var rest = text[start..];
            if (measure(rest) <= maxWidth)
            {
                lines.Add(rest);
                return;
            }

            // The candidates after `start` whose line still fits, with the width each line would have.
            var fitting = new List<(BreakPoint Point, float Width)>();
            foreach (var point in points)
            {
                if (point.Index <= start)
                {
                    continue;
                }

                var width = measure(text[start..point.Index].TrimEnd());
                if (width > maxWidth)
                {
                    break;
                }

                fitting.Add((point, width));
            }

            var chosen = Choose(fitting, maxWidth);
            int end;
            if (chosen is null)
            {
                // Not even one cluster fits: take the first cluster so the text is never lost.
                end = points.FirstOrDefault(p => p.Index > start).Index;
                end = end > start ? end : text.Length;
            }
            else
            {
                end = chosen.Value.Index;
            }

            lines.Add(text[start..end].TrimEnd());
            start = end;
            while (start < text.Length && text[start] == ' ')
            {
                start++;
            }
        }
    }

    // A space wins if its line is at least 75% full; then a dictionary word boundary or a space at 40% (Thai separates
    // phrases with spaces; splitting a word to fill a line is worse than a short line); then a sure syllable boundary
    // at 65%; then the latest point between Thai clusters; a point inside a Latin word only if nothing else fits.
    private static BreakPoint? Choose(List<(BreakPoint Point, float Width)> fitting, float maxWidth)
    {
        (BreakQuality Quality, float Fill)[] preferences =
        [
            (BreakQuality.Space, 0.75f),
            (BreakQuality.Word, 0.4f),
            (BreakQuality.Space, 0.4f),
            (BreakQuality.Syllable, 0.65f),
            (BreakQuality.ThaiCluster, 0f),
            (BreakQuality.Word, 0f),
            (BreakQuality.Syllable, 0f),
            (BreakQuality.Space, 0f),
            (BreakQuality.Emergency, 0f),
        ];
        foreach (var (quality, fill) in preferences)
        {
            for (var i = fitting.Count - 1; i >= 0; i--)
            {
                if (fitting[i].Point.Quality == quality && fitting[i].Width >= maxWidth * fill)
                {
                    return fitting[i].Point;
                }
            }
        }

        return null;
    }

    /// <summary>Positions (string indexes) before which a line may start, with how good each is.</summary>
    internal static List<BreakPoint> FindBreakPoints(string text, bool useDictionary)
    {
        var points = new List<BreakPoint>();
        var dictionary = useDictionary ? IcuLineBreaks.Find(text) : null;
        var starts = StringInfo.ParseCombiningCharacters(text);
        for (var i = 1; i < starts.Length; i++)
        {
            var index = starts[i];
            var quality = Classify(text[starts[i - 1]], text[index - 1], text[index]);
            if (quality is not { } q)
            {
                continue;
            }

            // Between two Thai clusters the dictionary decides: a word boundary is better than any guess, and a
            // "syllable end" inside a word it knows (คำ|ขอ) is only a cluster break.
            if (dictionary is not null && q is BreakQuality.Syllable or BreakQuality.ThaiCluster && IsThai(text[index - 1]) && IsThai(text[index]))
            {
                q = dictionary.Contains(index) ? BreakQuality.Word : BreakQuality.ThaiCluster;
            }

            points.Add(new BreakPoint(index, q));
        }

        return points;
    }

    // before/lastOfBefore: the first and last character of the cluster before the point; after: the first one after it.
    private static BreakQuality? Classify(char before, char lastOfBefore, char after)
    {
        if (after == ' ')
        {
            // Break after the run of spaces, not before it, so the space stays with the previous line and is trimmed.
            return null;
        }

        if (before == ' ')
        {
            return BreakQuality.Space;
        }

        if (IsLeadingVowel(lastOfBefore) || IsNeverFirst(after))
        {
            return null;
        }

        var thaiBefore = IsThai(before);
        var thaiAfter = IsThai(after);
        if (thaiBefore != thaiAfter)
        {
            // Thai next to Latin or digits: a script change is a word boundary, except inside "2569)" style
            // punctuation, which is rare enough to accept.
            return BreakQuality.Syllable;
        }

        if (!thaiBefore)
        {
            return before is '/' or '-' ? BreakQuality.Syllable : BreakQuality.Emergency;
        }

        // Both Thai. The last character of the previous cluster tells how that syllable ended (ำ joins its cluster).
        if (IsLeadingVowel(after) || IsSyllableEnd(lastOfBefore))
        {
            return BreakQuality.Syllable;
        }

        return BreakQuality.ThaiCluster;
    }

    private static bool IsThai(char c) => c is >= '\u0E00' and <= '\u0E7F';

    // เ แ โ ใ ไ are written before the consonant they follow in speech: they begin a syllable.
    private static bool IsLeadingVowel(char c) => c is >= '\u0E40' and <= '\u0E44';

    // ะ า ำ ๅ follow a consonant; ๆ (repeat) and ฯ (abbreviation) attach to the word before.
    private static bool IsNeverFirst(char c) => c is '\u0E30' or '\u0E32' or '\u0E33' or '\u0E45' or '\u0E46' or '\u0E2F';

    // ะ ำ ๆ ฯ end a syllable (nothing in the same syllable follows them).
    private static bool IsSyllableEnd(char c) => c is '\u0E30' or '\u0E33' or '\u0E46' or '\u0E2F';
}
