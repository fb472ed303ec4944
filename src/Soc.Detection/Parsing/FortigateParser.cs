using System.Globalization;
using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>
/// FortiGate key=value logs (<c>date=… time=… devname="…" logid="…" type="traffic" … srcip=… dstport=… action="deny"</c>),
/// with or without a syslog PRI/header in front. Every pair is kept as <c>fortinet.firewall.&lt;key&gt;</c>; the ECS
/// fields follow: source/destination ip and port, event.action/outcome, user.name, observer.*.
/// </summary>
public static class FortigateParser
{
    /// <summary>A FortiGate line names its device and log id.</summary>
    public static bool LooksLikeFortigate(string line) =>
        line is not null && line.Contains("logid=", StringComparison.Ordinal)
        && (line.Contains("devname=", StringComparison.Ordinal) || line.Contains("devid=", StringComparison.Ordinal));

    public static bool TryParse(string line, TimeZoneInfo zone, LogEvent ev)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(ev);
        var s = line.AsSpan();
        var i = 0;
        if (s.Length > 2 && s[0] == '<' && SyslogPriority.TryRead(s, ref i, ev, out _))
        {
            s = s[i..];
        }

        var start = s.IndexOf("date=", StringComparison.Ordinal);
        if (start < 0)
        {
            start = s.IndexOf("logid=", StringComparison.Ordinal);
        }

        if (start < 0)
        {
            return false;
        }

        ReadOnlySpan<char> date = default, time = default, tz = default;
        string? action = null;
        var reader = new KeyValueReader(s[start..]);
        var pairs = 0;
        while (reader.TryNext(out var key, out var value, out _))
        {
            pairs++;
            var text = value.ToString();
            ev.Set(string.Concat("fortinet.firewall.", key), text);
            switch (key)
            {
                case "date": date = value; break;
                case "time": time = value; break;
                case "tz": tz = value; break;
                case "srcip": EventFields.SetAddress(ev, "source", value); break;
                case "dstip": EventFields.SetAddress(ev, "destination", value); break;
                case "srcport": EventFields.SetLong(ev, EcsFields.SourcePort, value); break;
                case "dstport": EventFields.SetLong(ev, EcsFields.DestinationPort, value); break;
                case "user": EventFields.SetText(ev, EcsFields.UserName, value); break;
                case "devname": ev.Set("observer.name", text); break;
                case "devid": ev.Set("observer.serial_number", text); break;
                case "action": action = text; break;
                case "proto": ev.Set("network.iana_number", text); break;
                case "srcintf": ev.Set("observer.ingress.interface.name", text); break;
                case "dstintf": ev.Set("observer.egress.interface.name", text); break;
                case "msg": ev.Message = text; break;
                case "level": ev.Set(EcsFields.LogLevel, text); break;
                case "policyid": ev.Set("rule.id", text); break;
                default: break;
            }
        }

        if (pairs < 2)
        {
            return false;
        }

        if (!date.IsEmpty && !time.IsEmpty)
        {
            var iso = string.Concat(date, "T", time, tz.IsEmpty ? string.Empty : tz);
            if (TimestampReader.TryReadIso8601(iso, zone, out var stamp, out _, out var assumed))
            {
                ev.Timestamp = stamp;
                if (assumed)
                {
                    ev.Set(EcsFields.EventTimezone, zone.Id);
                }
            }
        }

        ev.Set(EcsFields.EventDataset, "fortinet.fortigate");
        ev.Set("observer.vendor", "Fortinet");
        ev.Set("observer.product", "FortiGate");
        ev.Set("observer.type", "firewall");
        ev.Set("event.code", ev.GetString("fortinet.firewall.logid"));
        Classify(ev, action, ev.GetString("fortinet.firewall.type"), ev.GetString("fortinet.firewall.status"));
        return true;
    }

    private static void Classify(LogEvent ev, string? action, string? type, string? status)
    {
        if (type == "traffic" || (action is not null && ev.Has(EcsFields.DestinationIp) && action is not ("login" or "logout")))
        {
            var deny = action is "deny" or "block" or "blocked" or "dropped" or "drop" or "reset";
            ev.Set(EcsFields.EventAction, deny ? "deny" : "allow");
            ev.Set(EcsFields.EventOutcome, deny ? "failure" : "success");
            ev.Set(EcsFields.EventCategory, Categories.Network);
            ev.Set(EcsFields.EventType, deny ? Categories.Denied : Categories.Allowed);
            return;
        }

        if (action is "login" or "logout")
        {
            var ok = status is null or "success";
            ev.Set(EcsFields.EventAction, action);
            ev.Set(EcsFields.EventOutcome, ok ? "success" : "failure");
            ev.Set(EcsFields.EventCategory, Categories.Authentication);
            ev.Set(EcsFields.EventType, action == "logout" ? Categories.End : ok ? Categories.AuthSuccess : Categories.AuthFailure);
            return;
        }

        if (action is not null)
        {
            ev.Set(EcsFields.EventAction, action.ToLower(CultureInfo.InvariantCulture));
        }

        if (status is not null)
        {
            ev.Set(EcsFields.EventOutcome, status is "success" ? "success" : status is "failed" or "failure" ? "failure" : "unknown");
        }
    }
}
