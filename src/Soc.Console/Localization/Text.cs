using System.Security.Claims;

namespace Soc.Console.Localization;

/// <summary>
/// The console's words in the signed-in user's language (Vietnamese unless they chose English).
/// Before sign-in the <c>soc-lang</c> cookie decides, so the sign-in page follows the last choice.
/// </summary>
public sealed class Text(IHttpContextAccessor accessor)
{
    public const string LanguageClaim = "soc:lang";
    public const string LanguageCookie = "soc-lang";

    public string Language
    {
        get
        {
            var context = accessor.HttpContext;
            var chosen = context?.User.FindFirstValue(LanguageClaim) ?? context?.Request.Cookies[LanguageCookie];
            return Strings.Normalize(chosen);
        }
    }

    public string this[string key] => Strings.Get(Language, key);

    /// <summary>A status, severity, category or closing reason code in words.</summary>
    public string Code(string prefix, string? code) => code is null ? "—" : Strings.Get(Language, prefix + "." + code, code);

    public static string Time(DateTimeOffset t) => LocalTime.Format(t);
}
