using System.Globalization;

namespace Anuyat.Web.Platform;

/// <summary>
/// Thai first, English second. Pages write both languages side by side — <c>@T("ยื่นคำขอ", "Apply")</c> — so a
/// translation can never drift away from the text it translates. The current UI culture picks one.
/// </summary>
public static class Text
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Language => IsEnglish ? "en" : "th";

    public static string T(string thai, string english) => IsEnglish ? english : thai;

    public static string T(Anuyat.Domain.Common.BilingualText text) => IsEnglish ? text.En : text.Th;
}
