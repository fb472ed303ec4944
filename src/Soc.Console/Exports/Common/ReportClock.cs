using System.Globalization;

namespace Soc.Console.Exports.Common;

/// <summary>
/// How reports print instants. The forms have no time-zone field, so every time is printed in
/// Asia/Ho_Chi_Minh with its offset stated, and in UTC beside it where space allows (NIST SP 800-61).
/// </summary>
public static class ReportClock
{
    /// <summary>Asia/Ho_Chi_Minh from the system's tz database; a fixed UTC+07:00 zone if tzdata is missing (Vietnam has no DST).</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    public static DateTimeOffset ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>"22/11/2026 10:15:02 (UTC+07:00)".</summary>
    public static string Local(DateTimeOffset at)
    {
        var local = ToLocal(at);
        return local.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " (UTC" + Offset(local.Offset) + ")";
    }

    /// <summary>"2026-11-22 03:15:02Z".</summary>
    public static string Utc(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z";

    /// <summary>"22/11/2026 10:15:02 (UTC+07:00) — 2026-11-22 03:15:02Z".</summary>
    public static string Both(DateTimeOffset at) => Local(at) + " — " + Utc(at);

    public static string Both(DateTimeOffset? at) => at is { } value ? Both(value) : "—";

    /// <summary>ISO 8601 with the local offset, for machine-readable outputs: "2026-11-22T10:15:02+07:00".</summary>
    public static string IsoLocal(DateTimeOffset at) => ToLocal(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string IsoUtc(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Dateline of an administrative document: "ngày 22 tháng 11 năm 2026".</summary>
    public static string Dateline(DateTimeOffset at)
    {
        var local = ToLocal(at);
        return string.Create(CultureInfo.InvariantCulture, $"ngày {local.Day:00} tháng {local.Month:00} năm {local.Year}");
    }

    /// <summary>A duration for people: "2 giờ 05 phút", "3 ngày 4 giờ".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            return "-" + Duration(span.Negate());
        }

        return span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} ngày {span.Hours} giờ")
            : span.TotalHours >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} giờ {span.Minutes:00} phút")
                : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} phút {span.Seconds:00} giây");
    }

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Asia/Ho_Chi_Minh", "ICT");
        }
    }
}
