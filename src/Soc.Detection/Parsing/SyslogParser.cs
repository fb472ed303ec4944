using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>
/// Syslog as a whole: RFC 5424 when the header says so (strict; a line that fails is read again as RFC 3164,
/// as rsyslog does), RFC 3164 otherwise, FortiGate key=value bodies, then the content decides the dataset:
/// Cisco <c>%FAC-SEV-MNEMONIC:</c>, pfSense <c>filterlog</c>, authentication programs, else <c>system.syslog</c>.
/// </summary>
public static class SyslogParser
{
    /// <param name="declaredDataset">The collector's declared file dataset (<c>system.auth</c>/<c>system.syslog</c>) which is kept; null for network syslog.</param>
    public static bool TryParse(string line, TimeZoneInfo zone, DateTimeOffset now, LogEvent ev, Rfc3164Mode mode, string? declaredDataset = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ev);
        if (FortigateParser.LooksLikeFortigate(line))
        {
            return FortigateParser.TryParse(line, zone, ev);
        }

        if (!Rfc5424Parser.LooksLikeRfc5424(line) || !Rfc5424Parser.TryParse(line, ev, out _, lenientStructuredData: true))
        {
            if (Rfc5424Parser.LooksLikeRfc5424(line))
            {
                ClearSyslogFields(ev);
            }

            if (!Rfc3164Parser.TryParse(line, zone, now, ev, mode))
            {
                return false;
            }
        }

        Classify(ev, declaredDataset);
        return true;
    }

    /// <summary>Sets event.dataset from what the header and message reveal and applies the matching message parser.</summary>
    public static void Classify(LogEvent ev, string? declaredDataset)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var program = ev.GetString(EcsFields.ProcessName);
        var message = ev.Message;
        if (CiscoParser.TryApply(ev, program, message))
        {
            return;
        }

        if (program is "filterlog" && message is not null && FilterlogParser.TryApply(ev, message))
        {
            return;
        }

        if (program is "nginx" or "httpd" or "apache" or "apache2" && message is not null && TryWebAccess(ev, program, message))
        {
            return;
        }

        var isAuth = (program is not null && AuthMessageParser.IsAuthProgram(program))
            || (message is not null && message.StartsWith("pam_", StringComparison.Ordinal));
        var recognised = AuthMessageParser.Apply(ev, program, message);
        ev.Set(EcsFields.EventDataset, declaredDataset ?? (isAuth || (recognised && ev.Has(EcsFields.EventOutcome) && program is not ("CRON" or "cron"))
            ? "system.auth" : "system.syslog"));
    }

    /// <summary>nginx <c>access_log syslog:…</c> and Apache piped to logger: the message is an access-log line.</summary>
    private static bool TryWebAccess(LogEvent ev, string program, string message)
    {
        if (!message.Contains("] \"", StringComparison.Ordinal))
        {
            return false;
        }

        var stamp = ev.Timestamp;
        if (!AccessLogParser.TryParse(message, ev))
        {
            ev.Timestamp = stamp;
            return false;
        }

        ev.Set(EcsFields.EventDataset, program == "nginx" ? "nginx.access" : "apache.access");
        return true;
    }

    private static void ClearSyslogFields(LogEvent ev)
    {
        ev.Remove(EcsFields.LogSyslogVersion);
        ev.Remove(EcsFields.LogSyslogHostname);
        ev.Remove(EcsFields.LogSyslogAppName);
        ev.Remove(EcsFields.LogSyslogProcId);
        ev.Remove(EcsFields.LogSyslogMsgId);
        ev.Timestamp = default;
        StructuredData.RemoveAll(ev);
    }
}
