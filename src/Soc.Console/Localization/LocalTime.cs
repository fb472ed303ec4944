using System.Globalization;

namespace Soc.Console.Localization;

/// <summary>
/// The console's one time format: dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh with the offset shown, so a time
/// copied into a report is never ambiguous. Stored times stay UTC.
/// </summary>
public static class LocalTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateTimeOffset ToLocal(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Zone);

    /// <summary>22/11/2026 10:15 +07:00</summary>
    public static string Format(DateTimeOffset t) => ToLocal(t).ToString("dd/MM/yyyy HH:mm zzz", CultureInfo.InvariantCulture);

    /// <summary>22/11/2026 10:15:02 +07:00, for events and the audit trail where seconds matter.</summary>
    public static string FormatSeconds(DateTimeOffset t) => ToLocal(t).ToString("dd/MM/yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture);

    /// <summary>Reads dd/MM/yyyy HH:mm (or dd/MM/yyyy) as Asia/Ho_Chi_Minh local time.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string[] formats = ["dd/MM/yyyy HH:mm", "dd/MM/yyyy", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd"];
        if (!DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>A compact duration: 45 s, 12 min, 3 h 05, 2 d 04 h.</summary>
    public static string Duration(TimeSpan span)
    {
        var sign = span < TimeSpan.Zero ? "−" : "";
        span = span.Duration();
        var text = span.TotalMinutes < 1 ? $"{span.Seconds} s"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min"
            : span.TotalDays < 1 ? $"{(int)span.TotalHours} h {span.Minutes:00}"
            : $"{(int)span.TotalDays} d {span.Hours:00} h";
        return sign + text;
    }
}
