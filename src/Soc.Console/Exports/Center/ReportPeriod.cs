using System.Globalization;
using Soc.Console.Exports.Common;

namespace Soc.Console.Exports.Center;

/// <summary>
/// A report period [From, To) from query text. A date (yyyy-MM-dd) is a day in Asia/Ho_Chi_Minh: <c>from</c>
/// starts at its midnight and <c>to</c> includes the whole day; a time with an offset (ISO 8601) is taken as is
/// (<c>to</c> exclusive). Defaults: from the first day of the current local month, to now.
/// </summary>
public static class ReportPeriod
{
    public static bool TryParse(string? from, string? to, DateTimeOffset now, out DateTimeOffset start, out DateTimeOffset end)
    {
        var local = ReportClock.ToLocal(now);
        start = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, local.Offset);
        end = now;
        if (!string.IsNullOrWhiteSpace(from) && !TryParseOne(from, endOfDay: false, out start))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(to) && !TryParseOne(to, endOfDay: true, out end))
        {
            return false;
        }

        return start < end;
    }

    /// <summary>The console's presets: this month, the last six months (the current one included), this year.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Preset(string preset, DateTimeOffset now)
    {
        var local = ReportClock.ToLocal(now);
        var month = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, local.Offset);
        return preset switch
        {
            "6months" => (month.AddMonths(-5), now),
            "year" => (new DateTimeOffset(local.Year, 1, 1, 0, 0, 0, local.Offset), now),
            _ => (month, now),
        };
    }

    private static bool TryParseOne(string text, bool endOfDay, out DateTimeOffset at)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var midnight = day.ToDateTime(TimeOnly.MinValue);
            at = new DateTimeOffset(midnight, ReportClock.Zone.GetUtcOffset(midnight));
            if (endOfDay)
            {
                at = at.AddDays(1);
            }

            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out at) && text.Contains('T', StringComparison.Ordinal);
    }
}
