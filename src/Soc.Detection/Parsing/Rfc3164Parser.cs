using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>
/// BSD syslog (RFC 3164) and the many things devices send under that name. The time stamp has no year and no
/// zone: the year is the nearest one that does not put the event more than a day in the future, the zone is the
/// source's configured one (recorded in <c>event.timezone</c>). Returns false only when the line carries neither a
/// PRI nor a time stamp (network) or no time stamp (file): then nothing in it says it is syslog.
/// </summary>
public static class Rfc3164Parser
{
    private const int DefaultPriority = 13; // user.notice, as rsyslog assumes for a line without PRI.

    /// <param name="tagNeedsColon">
    /// rsyslog's <c>force.tagEndingByColon</c>: a word after the host name is a tag only when it ends with a colon
    /// (<c>sshd[42]:</c>, <c>%ASA-6-302013:</c>). On by default, so <c>host Some message</c> does not yield
    /// process.name "Some"; off reproduces rsyslog's default reading.
    /// </param>
    public static bool TryParse(string line, TimeZoneInfo zone, DateTimeOffset now, LogEvent ev, Rfc3164Mode mode = Rfc3164Mode.Network, bool tagNeedsColon = true)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(ev);
        var s = line.AsSpan().TrimEnd("\r\n");
        var i = 0;
        var hasPri = s.Length > 2 && s[0] == '<' && SyslogPriority.TryRead(s, ref i, ev, out _);
        if (!hasPri)
        {
            i = 0;
            if (mode == Rfc3164Mode.Network)
            {
                SyslogPriority.Set(ev, DefaultPriority);
            }
        }

        if (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        SkipCiscoSequence(s, ref i);
        if (s[i..].StartsWith("last message repeated ", StringComparison.Ordinal) && IsRepeatNotice(s[(i + 22)..]))
        {
            // rsyslog's "lastline" parser: the whole text is the message, there is no host or tag.
            SetMessage(ev, s[i..]);
            return hasPri;
        }

        var hasStamp = ReadStamp(s, ref i, zone, now, ev);
        if (!hasStamp && (mode == Rfc3164Mode.File || !hasPri))
        {
            return false;
        }

        if (mode == Rfc3164Mode.File)
        {
            ReadFileBody(s[i..], ev);
        }
        else
        {
            ReadNetworkBody(s[i..], ev, tagNeedsColon);
        }

        return true;
    }

    /// <summary>
    /// Cisco IOS with <c>service sequence-numbers</c> puts <c>NNN: </c> before the stamp, and marks an unsynchronised
    /// clock with <c>*</c> (or <c>.</c>): <c>&lt;189&gt;1502: *Nov 21 10:05:00.123: %SYS-…</c>. Skipped when a stamp follows.
    /// </summary>
    private static void SkipCiscoSequence(ReadOnlySpan<char> s, ref int i)
    {
        var j = i;
        while (j < s.Length && char.IsAsciiDigit(s[j]))
        {
            j++;
        }

        if (j > i && j + 1 < s.Length && s[j] == ':' && s[j + 1] == ' ')
        {
            j += 2;
        }
        else
        {
            j = i;
        }

        if (j < s.Length && s[j] is '*' or '.')
        {
            j++;
        }

        if (j != i && TimestampReader.TryReadBsd(s[j..], out _, out _))
        {
            i = j;
        }
    }

    /// <summary><c>N times</c> exactly (what follows "last message repeated ").</summary>
    private static bool IsRepeatNotice(ReadOnlySpan<char> s)
    {
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
        {
            digits++;
        }

        return digits > 0 && s[digits..].SequenceEqual(" times");
    }

    private static bool ReadStamp(ReadOnlySpan<char> s, ref int i, TimeZoneInfo zone, DateTimeOffset now, LogEvent ev)
    {
        var rest = s[i..];
        if (TimestampReader.TryReadBsd(rest, out var stamp, out var used))
        {
            ev.Timestamp = TimestampReader.Resolve(stamp, zone, now);
            ev.Set(EcsFields.EventTimezone, zone.Id);
        }
        else if (TimestampReader.TryReadIso8601(rest, zone, out var iso, out used, out var assumed))
        {
            ev.Timestamp = iso;
            if (assumed)
            {
                ev.Set(EcsFields.EventTimezone, zone.Id);
            }
        }
        else
        {
            return false;
        }

        i += used;
        if (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        return true;
    }

    /// <summary>rsyslog: HOSTNAME only if host-name shaped, then TAG up to a space or through a colon, MSG the rest.</summary>
    private static void ReadNetworkBody(ReadOnlySpan<char> s, LogEvent ev, bool tagNeedsColon)
    {
        var end = s.IndexOf(' ');
        var token = end < 0 ? s : s[..end];
        if (!token.IsEmpty && IsHostName(token))
        {
            SetHost(ev, token);
            s = end < 0 ? [] : s[(end + 1)..];
        }

        var tagEnd = 0;
        while (tagEnd < s.Length && s[tagEnd] != ' ' && s[tagEnd] != ':')
        {
            tagEnd++;
        }

        var tag = s[..tagEnd];
        if (tagEnd < s.Length && s[tagEnd] == ':')
        {
            tagEnd++;
        }
        else if (tagNeedsColon)
        {
            SetMessage(ev, s);
            return;
        }

        SetTag(ev, tag);
        SetMessage(ev, s[tagEnd..]);
    }

    /// <summary>Filebeat: <c>host program[pid]: message</c> on the first line, else the whole rest is the message.</summary>
    private static void ReadFileBody(ReadOnlySpan<char> s, LogEvent ev)
    {
        var space = s.IndexOf(' ');
        if (space > 0 && IsHostName(s[..space]) && char.IsAsciiLetterOrDigit(s[0]))
        {
            var rest = s[(space + 1)..];
            var firstLine = rest.IndexOf('\n') is var nl and >= 0 ? rest[..nl] : rest;
            var colon = FindTagEnd(firstLine);
            if (colon > 0)
            {
                SetHost(ev, s[..space]);
                SetTag(ev, rest[..colon]);
                var msg = rest[(colon + 1)..];
                SetMessage(ev, msg);
                return;
            }
        }

        SetMessage(ev, s);
    }

    /// <summary>Index of the colon that ends the tag: the first ": " (or a colon ending the line) in the line.</summary>
    private static int FindTagEnd(ReadOnlySpan<char> line)
    {
        var at = line.IndexOf(": ");
        if (at < 0 && line.Length > 1 && line[^1] == ':')
        {
            at = line.Length - 1;
        }

        return at;
    }

    private static void SetHost(LogEvent ev, ReadOnlySpan<char> host)
    {
        var text = host.ToString();
        ev.Set(EcsFields.LogSyslogHostname, text);
        ev.Set(EcsFields.HostHostname, text);
    }

    /// <summary>The tag is <c>program[pid]</c>; process.name keeps everything before the bracket (e.g. <c>sshd(pam_unix)</c>, <c>%ASA-6-302013</c>).</summary>
    private static void SetTag(LogEvent ev, ReadOnlySpan<char> tag)
    {
        tag = tag.Trim();
        if (tag.IsEmpty)
        {
            return;
        }

        var bracket = tag.IndexOf('[');
        var program = tag;
        if (bracket > 0)
        {
            program = tag[..bracket];
            var close = tag[bracket..].IndexOf(']');
            var pid = close > 0 ? tag.Slice(bracket + 1, close - 1) : tag[(bracket + 1)..];
            if (!pid.IsEmpty)
            {
                ev.Set(EcsFields.LogSyslogProcId, pid.ToString());
                EventFields.SetLong(ev, EcsFields.ProcessPid, pid);
            }
        }

        program = program.Trim();
        if (!program.IsEmpty)
        {
            var name = program.ToString();
            ev.Set(EcsFields.LogSyslogAppName, name);
            ev.Set(EcsFields.ProcessName, name);
        }
    }

    private static void SetMessage(LogEvent ev, ReadOnlySpan<char> msg)
    {
        msg = msg.TrimStart(' ');
        if (!msg.IsEmpty)
        {
            ev.Message = msg.ToString();
        }
    }

    /// <summary>Letters, digits, <c>. - _</c>, and the <c>@</c> and <c>/</c> some relays put in host names; IPv6 colons too.</summary>
    private static bool IsHostName(ReadOnlySpan<char> token)
    {
        var colons = 0;
        foreach (var c in token)
        {
            if (c == ':')
            {
                colons++;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '_' or '@' or '/'))
            {
                return false;
            }
        }

        // "xapi:" is a tag, "fe80::1" is a host.
        return colons == 0 || (colons >= 2 && EventFields.IsIp(token));
    }
}
