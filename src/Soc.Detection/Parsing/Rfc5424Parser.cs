using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>
/// RFC 5424 syslog: <c>&lt;PRI&gt;VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP SD [SP MSG]</c>.
/// Strict: any deviation from the grammar returns false with an error. Best-effort comes for free: fields are
/// written to the event as they are read, so on failure the event holds everything before the error.
/// </summary>
public static class Rfc5424Parser
{
    private const char Bom = '\uFEFF';

    /// <summary>True when the line starts like RFC 5424 (<c>&lt;PRI&gt;</c> followed by a version digit).</summary>
    public static bool LooksLikeRfc5424(ReadOnlySpan<char> s)
    {
        var close = s.Length > 2 && s[0] == '<' ? s[..Math.Min(s.Length, 5)].IndexOf('>') : -1;
        if (close < 2)
        {
            return false;
        }

        var i = close + 1;
        while (i < s.Length && i - close <= 3 && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i > close + 1 && i < s.Length && s[i] == ' ' && s[close + 1] != '0';
    }

    /// <param name="line">The message without transport framing.</param>
    /// <param name="ev">Receives <c>log.syslog.*</c>, <c>process.*</c>, <c>message</c> and <see cref="LogEvent.Timestamp"/>.</param>
    /// <param name="error">Why the line is not RFC 5424 (null on success).</param>
    /// <param name="compliantMessage">Reject a BOM-led MSG that is not valid UTF-8 (seen here as U+FFFD after decoding).</param>
    /// <param name="lenientStructuredData">Best-effort as rsyslog does it: when STRUCTURED-DATA is malformed, the text from there on is the message.</param>
    public static bool TryParse(string line, LogEvent ev, out string? error, bool compliantMessage = false, bool lenientStructuredData = false)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ev);
        var s = line.AsSpan();
        var i = 0;
        if (!SyslogPriority.TryRead(s, ref i, ev, out error))
        {
            return false;
        }

        // VERSION: 1-999, no leading zero.
        var version = 0;
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]) && i - start < 3 && !(i == start && s[i] == '0'))
        {
            version = (version * 10) + (s[i] - '0');
            i++;
        }

        if (i == start)
        {
            return Fail("expecting a version value in the range 1-999", i, out error);
        }

        ev.Set(EcsFields.LogSyslogVersion, version < 192 ? SyslogNames.Box(version) : (long)version);
        if (!Space(s, ref i, out error))
        {
            return false;
        }

        if (i < s.Length && s[i] == '-')
        {
            i++;
        }
        else
        {
            if (!TimestampReader.TryReadRfc3339(s[i..], out var stamp, out var used, out var at))
            {
                return Fail("expecting a RFC3339MICRO timestamp or a nil value", at < 0 ? i : i + at, out error);
            }

            ev.Timestamp = stamp;
            i += used;
        }

        if (!Space(s, ref i, out error)
            || !Header(s, ref i, ev, EcsFields.LogSyslogHostname, 255, "hostname", out error)
            || !Space(s, ref i, out error)
            || !Header(s, ref i, ev, EcsFields.LogSyslogAppName, 48, "app-name", out error)
            || !Space(s, ref i, out error)
            || !Header(s, ref i, ev, EcsFields.LogSyslogProcId, 128, "procid", out error)
            || !Space(s, ref i, out error)
            || !Header(s, ref i, ev, EcsFields.LogSyslogMsgId, 32, "msgid", out error)
            || !Space(s, ref i, out error))
        {
            return false;
        }

        var sdStart = i;
        if (!StructuredData.TryRead(s, ref i, ev, out error))
        {
            if (!lenientStructuredData || sdStart >= s.Length)
            {
                return false;
            }

            // rsyslog tolerates spaces around '=' in SD params; failing that, the rest is the message.
            StructuredData.RemoveAll(ev);
            i = sdStart;
            if (!StructuredData.TryRead(s, ref i, ev, out _, lenient: true) || (i < s.Length && s[i] != ' '))
            {
                StructuredData.RemoveAll(ev);
                i = sdStart - 1;
            }
        }

        if (i < s.Length)
        {
            if (s[i] != ' ')
            {
                return Fail("parsing error", i, out error);
            }

            i++;
            var msg = s[i..];
            var invalidUtf8 = compliantMessage && msg.Length > 0 && msg[0] == Bom && msg.Contains('\uFFFD');

            // The BOM only announces UTF-8 (RFC 5424 §6.4); it is not part of the text.
            if (msg.Length > 0 && msg[0] == Bom)
            {
                msg = msg[1..];
            }

            if (!msg.IsEmpty)
            {
                ev.Message = msg.ToString();
            }

            if (invalidUtf8)
            {
                return Fail("expecting a free-form optional message in UTF-8 (starting with or without BOM)", i, out error);
            }
        }

        CopyProcess(ev);
        error = null;
        return true;
    }

    internal static bool Fail(string what, int column, out string error)
    {
        error = what + " [col " + column.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
        return false;
    }

    private static void CopyProcess(LogEvent ev)
    {
        if (ev.GetString(EcsFields.LogSyslogAppName) is { } app)
        {
            ev.Set(EcsFields.ProcessName, app);
        }

        if (ev.GetString(EcsFields.LogSyslogProcId) is { } procid
            && long.TryParse(procid, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            ev.Set(EcsFields.ProcessPid, pid);
        }
    }

    private static bool Space(ReadOnlySpan<char> s, ref int i, out string? error)
    {
        if (i < s.Length && s[i] == ' ')
        {
            i++;
            error = null;
            return true;
        }

        return Fail("parsing error", i, out error);
    }

    /// <summary>NILVALUE or 1..max printable US-ASCII characters, ended by a space.</summary>
    private static bool Header(ReadOnlySpan<char> s, ref int i, LogEvent ev, string field, int max, string name, out string? error)
    {
        var start = i;
        while (i < s.Length && s[i] is > ' ' and <= '~')
        {
            i++;
        }

        var len = i - start;
        if (len == 0 || len > max || (i < s.Length && s[i] != ' '))
        {
            var label = name is "hostname" or "app-name" ? "expecting an " : "expecting a ";
            return Fail(label + name + " (from 1 to max " + max.ToString(System.Globalization.CultureInfo.InvariantCulture) + " US-ASCII characters) or a nil value", Math.Min(i, start + max), out error);
        }

        if (len != 1 || s[start] != '-')
        {
            ev.Set(field, s.Slice(start, len).ToString());
        }

        error = null;
        return true;
    }
}
