using System.Globalization;
using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>
/// BSD syslog (RFC 3164): <c>&lt;PRI&gt;Mmm dd hh:mm:ss host tag[pid]: message</c>.
/// The timestamp has no year and no zone: the year is the one that does not put the event more than a
/// day in the future, the zone is the source's configured one.
/// </summary>
public static class Rfc3164Parser
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static bool TryParse(string line, TimeZoneInfo zone, DateTimeOffset now, LogEvent ev)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(ev);
        var s = line.AsSpan().TrimEnd('\r');
        if (s.Length > 0 && s[0] == '<')
        {
            var close = s.IndexOf('>');
            if (close is < 2 or > 4 || !int.TryParse(s[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var pri) || pri > 191)
            {
                return false;
            }

            ev.Set(EcsFields.LogSyslogPriority, (long)pri);
            ev.Set(EcsFields.LogSyslogFacilityCode, (long)(pri >> 3));
            ev.Set(EcsFields.LogSyslogSeverityCode, (long)(pri & 7));
            s = s[(close + 1)..];
        }

        // "Mmm dd hh:mm:ss " is 16 characters; the day is space-padded.
        if (s.Length < 16 || s[3] != ' ' || s[6] != ' ' || s[15] != ' ')
        {
            return false;
        }

        var month = Array.IndexOf(Months, s[..3].ToString()) + 1;
        if (month == 0
            || !int.TryParse(s[4..6].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !TimeOnly.TryParseExact(s[7..15], "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            return false;
        }

        ev.Timestamp = ResolveYear(month, day, clock, zone, now);
        ev.Set(EcsFields.EventTimezone, zone.Id);
        s = s[16..];

        var space = s.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        ev.Set(EcsFields.LogSyslogHostname, s[..space].ToString());
        s = s[(space + 1)..];
        ReadTag(s, ev);
        return true;
    }

    private static void ReadTag(ReadOnlySpan<char> s, LogEvent ev)
    {
        var colon = s.IndexOf(": ");
        var tagEnd = s.IndexOf(' ');
        if (colon <= 0 || (tagEnd >= 0 && tagEnd < colon))
        {
            ev.Message = s.ToString();
            return;
        }

        var tag = s[..colon];
        var bracket = tag.IndexOf('[');
        if (bracket > 0 && tag[^1] == ']')
        {
            if (long.TryParse(tag[(bracket + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                ev.Set(EcsFields.ProcessPid, pid);
            }

            tag = tag[..bracket];
        }

        ev.Set(EcsFields.ProcessName, tag.ToString());
        ev.Set(EcsFields.LogSyslogAppName, tag.ToString());
        ev.Message = s[(colon + 2)..].ToString();
    }

    private static DateTimeOffset ResolveYear(int month, int day, TimeOnly clock, TimeZoneInfo zone, DateTimeOffset now)
    {
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        for (var year = localNow.Year + 1; year >= localNow.Year - 1; year--)
        {
            if (day > DateTime.DaysInMonth(year, month))
            {
                continue;
            }

            var local = new DateTime(year, month, day, clock.Hour, clock.Minute, clock.Second, DateTimeKind.Unspecified);
            var stamp = new DateTimeOffset(local, zone.GetUtcOffset(local));
            if (stamp <= now.AddDays(1))
            {
                return stamp;
            }
        }

        throw new FormatException("no year fits the RFC 3164 timestamp");
    }
}
