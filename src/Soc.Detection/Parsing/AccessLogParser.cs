using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>
/// nginx and Apache access logs: common, combined and vhost_combined, with an optional X-Forwarded-For list in front
/// (nginx <c>$http_x_forwarded_for</c> as first field, quoted or not) or behind the user agent (nginx "main").
/// "-" means absent. Hand-written over spans: this is the hottest format.
/// </summary>
public static class AccessLogParser
{
    public static bool TryParse(string line, LogEvent ev)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ev);
        var s = line.AsSpan().TrimEnd("\r\n");
        var open = s.IndexOf(" [", StringComparison.Ordinal);
        if (open < 0)
        {
            return false;
        }

        // Before " [": [vhost] [xff…] remote ident user
        var head = s[..open];
        var userStart = head.LastIndexOf(' ');
        if (userStart < 0)
        {
            return false;
        }

        var user = head[(userStart + 1)..];
        head = head[..userStart];
        var identStart = head.LastIndexOf(' ');
        if (identStart < 0)
        {
            return false;
        }

        head = head[..identStart];
        var close = s[(open + 2)..].IndexOf(']');
        if (close < 0 || !TryReadTime(s.Slice(open + 2, close), out var stamp))
        {
            return false;
        }

        ev.Timestamp = stamp;
        var rest = s[(open + 2 + close + 1)..];
        if (!TryQuoted(ref rest, out var request) || !TryWord(ref rest, out var status) || !EventFields.SetLong(ev, "http.response.status_code", status))
        {
            return false;
        }

        ReadClient(ev, head);
        EventFields.SetText(ev, EcsFields.UserName, user);
        ReadRequest(ev, request);
        if (TryWord(ref rest, out var bytes))
        {
            EventFields.SetLong(ev, "http.response.body.bytes", bytes);
        }

        if (TryQuoted(ref rest, out var referrer))
        {
            EventFields.SetText(ev, "http.request.referrer", referrer);
            if (TryQuoted(ref rest, out var agent))
            {
                EventFields.SetText(ev, "user_agent.original", agent);
                if (TryQuoted(ref rest, out var forwarded) && !forwarded.SequenceEqual("-"))
                {
                    ReadForwarded(ev, forwarded);
                }
            }
        }

        var code = (long)ev["http.response.status_code"]!;
        ev.Set("event.kind", "event");
        ev.Set(EcsFields.EventCategory, Categories.Web);
        ev.Set(EcsFields.EventType, Categories.Access);
        ev.Set(EcsFields.EventOutcome, code < 400 ? "success" : "failure");
        return true;
    }

    /// <summary>
    /// The address part: an optional vhost (<c>host:port</c>, Apache vhost_combined), then one or more client
    /// addresses (the X-Forwarded-For chain nginx may log first). As Filebeat does, the client is the first public
    /// IP of the chain, else its first entry.
    /// </summary>
    private static void ReadClient(LogEvent ev, ReadOnlySpan<char> head)
    {
        head = head.Trim();
        var firstSpace = head.IndexOf(' ');
        if (firstSpace > 0 && head[0] != '"' && head[firstSpace - 1] != ',')
        {
            var first = head[..firstSpace];
            var colon = first.LastIndexOf(':');
            if (colon > 0 && !EventFields.IsIp(first) && long.TryParse(first[(colon + 1)..], out var port))
            {
                ev.Set("url.domain", first[..colon].ToString());
                ev.Set("destination.port", port);
                head = head[(firstSpace + 1)..];
            }
        }

        if (head.IndexOfAny(' ', ',', '"') < 0)
        {
            EventFields.SetAddress(ev, "source", head);
            if (EventFields.IsIp(head) || !head.Contains(':'))
            {
                ev.Set(RemoteListField(ev), new[] { ev.GetString(EcsFields.SourceAddress) });
            }

            return;
        }

        ReadChain(ev, head, RemoteListField(ev));
    }

    private static string RemoteListField(LogEvent ev) =>
        ev.GetString(EcsFields.EventDataset) == "apache.access" ? "apache.access.remote_ip_list" : "nginx.access.remote_ip_list";

    private static void ReadForwarded(LogEvent ev, ReadOnlySpan<char> chain) => ReadChain(ev, chain, "http.request.x_forwarded_for");

    /// <summary>Splits an address chain on commas, spaces and quotes; sets source.* to the client and returns it.</summary>
    private static string? ReadChain(LogEvent ev, ReadOnlySpan<char> chain, string listField)
    {
        var list = new List<object?>(4);
        string? client = null;
        string? first = null;
        while (!chain.IsEmpty)
        {
            var end = chain.IndexOfAny(' ', ',', '"');
            var item = end < 0 ? chain : chain[..end];
            chain = end < 0 ? [] : chain[(end + 1)..];
            if (item.IsEmpty || item.SequenceEqual("-"))
            {
                continue;
            }

            var text = item.ToString();
            list.Add(text);
            first ??= text;
            if (client is null && EventFields.IsIp(item) && !EventFields.IsPrivateIp(item))
            {
                client = text;
            }
        }

        client ??= first;
        if (client is null)
        {
            return null;
        }

        ev.Remove("source.ip");
        ev.Remove("source.domain");
        EventFields.SetAddress(ev, "source", client);
        ev.Set(listField, list);
        return client;
    }

    private static void ReadRequest(LogEvent ev, ReadOnlySpan<char> request)
    {
        var sp1 = request.IndexOf(' ');
        if (sp1 <= 0)
        {
            return;
        }

        var method = request[..sp1];
        foreach (var c in method)
        {
            if (!char.IsAsciiLetterUpper(c) && c != '-' && c != '_')
            {
                return;
            }
        }

        ev.Set("http.request.method", method.ToString());
        var target = request[(sp1 + 1)..];
        var sp2 = target.LastIndexOf(' ');
        if (sp2 > 0 && target[(sp2 + 1)..].StartsWith("HTTP/", StringComparison.Ordinal))
        {
            ev.Set("http.version", target[(sp2 + 6)..].ToString());
            target = target[..sp2];
        }

        if (target.IsEmpty)
        {
            return;
        }

        var original = target.ToString();
        ev.Set("url.original", original);
        var q = target.IndexOf('?');
        var path = q < 0 ? target : target[..q];
        var hash = path.IndexOf('#');
        if (hash >= 0)
        {
            ev.Set("url.fragment", path[(hash + 1)..].ToString());
            path = path[..hash];
        }

        ev.Set("url.path", q < 0 && hash < 0 ? original : path.ToString());
        if (q >= 0)
        {
            ev.Set("url.query", target[(q + 1)..].ToString());
        }

        var slash = path.LastIndexOf('/');
        var dot = path.LastIndexOf('.');
        if (dot > slash && dot < path.Length - 1 && path.Length - dot <= 10)
        {
            ev.Set("url.extension", path[(dot + 1)..].ToString());
        }
    }

    /// <summary><c>07/Dec/2016:11:05:07 +0100</c></summary>
    internal static bool TryReadTime(ReadOnlySpan<char> t, out DateTimeOffset value)
    {
        value = default;
        if (t.Length < 26 || t[2] != '/' || t[6] != '/' || t[11] != ':' || t[20] != ' ')
        {
            return false;
        }

        var month = TimestampReader.MonthOf(t[3..6]);
        if (month == 0 || !Num(t[..2], out var day) || !Num(t[7..11], out var year) || !Num(t[12..14], out var hour)
            || !Num(t[15..17], out var minute) || !Num(t[18..20], out var second) || !Num(t[22..24], out var oh) || !Num(t[24..26], out var om)
            || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59 || oh > 14 || om > 59)
        {
            return false;
        }

        var offset = new TimeSpan(oh, om, 0);
        value = new DateTimeOffset(year, month, day, hour, minute, second, t[21] == '-' ? -offset : offset);
        return true;
    }

    private static bool Num(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool TryWord(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> word)
    {
        rest = rest.TrimStart(' ');
        var end = rest.IndexOf(' ');
        word = end < 0 ? rest : rest[..end];
        rest = end < 0 ? [] : rest[end..];
        return !word.IsEmpty;
    }

    /// <summary>A double-quoted field; <c>\"</c> inside is kept as written (nginx escapes quotes as \x22 anyway).</summary>
    private static bool TryQuoted(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> value)
    {
        rest = rest.TrimStart(' ');
        value = default;
        if (rest.IsEmpty || rest[0] != '"')
        {
            return false;
        }

        var i = 1;
        while (i < rest.Length && (rest[i] != '"' || rest[i - 1] == '\\'))
        {
            i++;
        }

        // A quote inside an unescaped request ends the field only when followed by a space or the end.
        while (i < rest.Length && i + 1 < rest.Length && rest[i + 1] != ' ')
        {
            var next = rest[(i + 1)..].IndexOf('"');
            if (next < 0)
            {
                break;
            }

            i += next + 1;
        }

        if (i >= rest.Length)
        {
            return false;
        }

        value = rest[1..i];
        rest = rest[(i + 1)..];
        return true;
    }
}
