using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>
/// nginx (<c>2016/10/25 14:49:34 [error] 54053#0: *1 message</c>) and Apache
/// (<c>[Mon Dec 26 16:15:55.103786 2016] [core:notice] [pid 11379:tid 4] [client 1.2.3.4:5] message</c>) error logs.
/// Neither stamp carries a zone: the source's zone is assumed. Multi-line entries arrive joined with \n and stay in message.
/// </summary>
public static class WebErrorLogParser
{
    public static bool TryParseNginx(string line, TimeZoneInfo zone, LogEvent ev)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(ev);
        var s = line.AsSpan().TrimEnd("\r\n");
        if (s.Length < 22 || s[4] != '/' || s[7] != '/' || s[10] != ' ' || s[19] != ' ' || s[20] != '['
            || !TryInt(s[..4], out var year) || !TryInt(s[5..7], out var month) || !TryInt(s[8..10], out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || !TimeOnly.TryParseExact(s[11..19], "HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var clock))
        {
            return false;
        }

        var stamp = TimestampReader.InZone(new DateOnly(year, month, day).ToDateTime(clock), zone);
        ev.Timestamp = stamp;
        ev.Set(EcsFields.EventTimezone, zone.Id);
        var rest = s[21..];
        var close = rest.IndexOf(']');
        if (close <= 0)
        {
            return false;
        }

        ev.Set(EcsFields.LogLevel, rest[..close].ToString());
        rest = rest[(close + 1)..].TrimStart(' ');
        var hash = rest.IndexOf('#');
        var colon = rest.IndexOf(": ", StringComparison.Ordinal);
        if (hash > 0 && colon > hash)
        {
            EventFields.SetLong(ev, EcsFields.ProcessPid, rest[..hash]);
            EventFields.SetLong(ev, "process.thread.id", rest[(hash + 1)..colon]);
            rest = rest[(colon + 2)..];
        }

        if (rest.Length > 1 && rest[0] == '*')
        {
            var sp = rest.IndexOf(' ');
            if (sp > 1 && EventFields.SetLong(ev, "nginx.error.connection_id", rest[1..sp]))
            {
                rest = rest[(sp + 1)..];
            }
        }

        ev.Message = rest.ToString();
        ReadNginxContext(ev, rest);
        Classify(ev);
        return true;
    }

    public static bool TryParseApache(string line, TimeZoneInfo zone, LogEvent ev)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(ev);
        var s = line.AsSpan().TrimEnd("\r\n");
        if (s.Length < 26 || s[0] != '[')
        {
            return false;
        }

        var close = s.IndexOf(']');
        if (close < 0 || !TryReadApacheTime(s[1..close], zone, out var stamp))
        {
            return false;
        }

        ev.Timestamp = stamp;
        ev.Set(EcsFields.EventTimezone, zone.Id);
        var rest = s[(close + 1)..].TrimStart(' ');
        while (rest.Length > 1 && rest[0] == '[')
        {
            var end = rest.IndexOf(']');
            if (end < 0)
            {
                break;
            }

            var part = rest[1..end];
            if (part.StartsWith("pid ", StringComparison.Ordinal))
            {
                var pid = part[4..];
                var tid = pid.IndexOf(":tid ", StringComparison.Ordinal);
                if (tid > 0)
                {
                    EventFields.SetLong(ev, "process.thread.id", pid[(tid + 5)..]);
                    pid = pid[..tid];
                }

                EventFields.SetLong(ev, EcsFields.ProcessPid, pid);
            }
            else if (part.StartsWith("client ", StringComparison.Ordinal) || part.StartsWith("remote ", StringComparison.Ordinal))
            {
                ReadClient(ev, part[7..]);
            }
            else if (!ev.Has(EcsFields.LogLevel) && !part.Contains(' '))
            {
                var colon = part.IndexOf(':');
                if (colon > 0)
                {
                    ev.Set("apache.error.module", part[..colon].ToString());
                    part = part[(colon + 1)..];
                }

                ev.Set(EcsFields.LogLevel, part.ToString());
            }
            else
            {
                break;
            }

            rest = rest[(end + 1)..].TrimStart(' ');
        }

        if (!ev.Has(EcsFields.LogLevel))
        {
            return false;
        }

        ev.Message = rest.ToString();
        const string missing = "File does not exist: ";
        if (rest.StartsWith(missing, StringComparison.Ordinal))
        {
            ev.Set("file.path", rest[missing.Length..].ToString());
        }

        Classify(ev);
        return true;
    }

    private static bool TryInt(ReadOnlySpan<char> s, out int value) =>
        int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);

    private static void ReadClient(LogEvent ev, ReadOnlySpan<char> client)
    {
        // "1.2.3.4", "1.2.3.4:5", "[::1]:5", "::1"
        if (client.Length > 0 && client[0] == '[')
        {
            var end = client.IndexOf(']');
            if (end > 0)
            {
                EventFields.SetAddress(ev, "source", client[1..end]);
                if (end + 2 < client.Length)
                {
                    EventFields.SetLong(ev, EcsFields.SourcePort, client[(end + 2)..]);
                }

                return;
            }
        }

        var colon = client.LastIndexOf(':');
        if (colon > 0 && client.IndexOf(':') == colon)
        {
            EventFields.SetAddress(ev, "source", client[..colon]);
            EventFields.SetLong(ev, EcsFields.SourcePort, client[(colon + 1)..]);
            return;
        }

        EventFields.SetAddress(ev, "source", client);
    }

    /// <summary><c>client: 1.2.3.4, server: x, request: "GET / HTTP/1.1", host: "h"</c> → source.ip, http.request.method, url.original.</summary>
    private static void ReadNginxContext(LogEvent ev, ReadOnlySpan<char> msg)
    {
        var at = msg.IndexOf(", client: ", StringComparison.Ordinal);
        if (at < 0)
        {
            return;
        }

        var rest = msg[(at + 10)..];
        var comma = rest.IndexOf(',');
        EventFields.SetAddress(ev, "source", comma < 0 ? rest : rest[..comma]);
        var req = rest.IndexOf("request: \"", StringComparison.Ordinal);
        if (req >= 0)
        {
            var r = rest[(req + 10)..];
            var end = r.IndexOf('"');
            if (end > 0)
            {
                var parts = r[..end];
                var sp = parts.IndexOf(' ');
                if (sp > 0)
                {
                    ev.Set("http.request.method", parts[..sp].ToString());
                    var target = parts[(sp + 1)..];
                    var sp2 = target.LastIndexOf(' ');
                    ev.Set("url.original", (sp2 > 0 ? target[..sp2] : target).ToString());
                }
            }
        }
    }

    private static void Classify(LogEvent ev)
    {
        var level = ev.GetString(EcsFields.LogLevel);
        ev.Set("event.kind", "event");
        ev.Set(EcsFields.EventCategory, Categories.Web);
        ev.Set(EcsFields.EventType, level is "notice" or "info" or "debug" ? Categories.Info : Categories.Error);
    }

    /// <summary><c>Mon Dec 26 16:15:55.103786 2016</c></summary>
    private static bool TryReadApacheTime(ReadOnlySpan<char> t, TimeZoneInfo zone, out DateTimeOffset value)
    {
        value = default;
        if (t.Length < 24 || t[3] != ' ')
        {
            return false;
        }

        var body = t[4..];
        var yearSpace = body.LastIndexOf(' ');
        if (yearSpace < 0 || !int.TryParse(body[(yearSpace + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            || year < 1 || year > 9999 || !TimestampReader.TryReadBsd(body[..yearSpace], out var stamp, out var used) || used != yearSpace
            || stamp.Day > DateTime.DaysInMonth(year, stamp.Month))
        {
            return false;
        }

        value = TimestampReader.InZone(stamp.ToDateTime(year), zone);
        return true;
    }
}
