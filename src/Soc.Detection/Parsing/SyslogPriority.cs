using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>The <c>&lt;PRI&gt;</c> part shared by RFC 3164 and RFC 5424: 0..191, no leading zeros.</summary>
internal static class SyslogPriority
{
    public static bool TryRead(ReadOnlySpan<char> s, ref int i, LogEvent ev, out string? error)
    {
        if (i >= s.Length || s[i] != '<')
        {
            return Rfc5424Parser.Fail("expecting a priority value within angle brackets", i, out error);
        }

        var j = i + 1;
        var pri = 0;
        while (j < s.Length && char.IsAsciiDigit(s[j]) && j - i <= 3)
        {
            pri = (pri * 10) + (s[j] - '0');
            j++;
        }

        var digits = j - i - 1;
        if (digits == 0 || j >= s.Length || s[j] != '>' || pri > 191 || (digits > 1 && s[i + 1] == '0'))
        {
            return Rfc5424Parser.Fail("expecting a priority value in the range 1-191 or equal to 0", j, out error);
        }

        Set(ev, pri);
        i = j + 1;
        error = null;
        return true;
    }

    public static void Set(LogEvent ev, int pri)
    {
        ev.Set(EcsFields.LogSyslogPriority, SyslogNames.Box(pri));
        ev.Set(EcsFields.LogSyslogFacilityCode, SyslogNames.Box(pri >> 3));
        ev.Set(EcsFields.LogSyslogFacilityName, SyslogNames.Facility(pri >> 3));
        ev.Set(EcsFields.LogSyslogSeverityCode, SyslogNames.Box(pri & 7));
        ev.Set(EcsFields.LogSyslogSeverityName, SyslogNames.Severity(pri & 7));
    }
}
