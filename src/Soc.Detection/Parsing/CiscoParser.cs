using System.Text.RegularExpressions;
using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>
/// Cisco ASA/PIX/FTD (<c>%ASA-6-302013:</c>) and IOS (<c>%SEC-6-IPACCESSLOGP:</c>, <c>%SEC_LOGIN-…</c>, <c>%SYS-5-CONFIG_I</c>)
/// messages: connection built/teardown/deny, ACL hits, admin logins and configuration. Vendor keys go under <c>cisco.*</c>.
/// Device lines are far rarer than server lines, so generated regexes (linear, no backtracking blow-up) are used here.
/// </summary>
public static partial class CiscoParser
{
    private const int MaxBodyLength = 2048;

    /// <summary>Applies when the tag or the message carries a Cisco message id; returns false otherwise.</summary>
    public static bool TryApply(LogEvent ev, string? program, string? message)
    {
        ArgumentNullException.ThrowIfNull(ev);
        string text;
        Match id;
        if (program is not null && program.StartsWith('%') && (id = MessageId().Match(program + ":")).Success)
        {
            text = message ?? string.Empty;
        }
        else if (message is not null && message.Contains('%', StringComparison.Ordinal) && (id = MessageId().Match(message)).Success)
        {
            text = message[(id.Index + id.Length)..].TrimStart();
        }
        else
        {
            return false;
        }

        var facility = id.Groups["fac"].Value;
        var isAsa = facility is "ASA" or "PIX" or "FWSM" or "FTD";
        ev.Set(EcsFields.EventDataset, isAsa ? "cisco.asa" : "cisco.ios");
        ev.Set("observer.vendor", "Cisco");
        ev.Set("observer.product", isAsa ? "ASA" : "IOS");
        ev.Set("observer.type", isAsa ? "firewall" : "router");
        ev.Set("cisco.facility", facility);
        ev.Set("cisco.severity", (long)(id.Groups["sev"].Value[0] - '0'));
        ev.Set("cisco.mnemonic", id.Groups["mn"].Value);
        ev.Set("event.code", id.Groups["mn"].Value);
        ev.Set(EcsFields.LogLevel, SyslogNames.Severity(id.Groups["sev"].Value[0] - '0'));
        ev.Message = text;

        // Device messages are short; the body patterns are only tried on text of a sane size, which bounds their cost.
        if (text.Length <= MaxBodyLength)
        {
            ReadBody(ev, text);
        }

        return true;
    }

    private static void ReadBody(LogEvent ev, string text)
    {
        Match m;
        if ((m = Built().Match(text)).Success)
        {
            var outbound = m.Groups["dir"].Value == "outbound";
            Endpoints(ev, m, swap: outbound);
            Action(ev, "allow", "success", Categories.Allowed);
            ev.Set("network.transport", m.Groups["proto"].Value.ToLowerInvariant());
            ev.Set("cisco.connection_id", m.Groups["cid"].Value);
            ev.Set("network.direction", outbound ? "outbound" : "inbound");
        }
        else if ((m = Teardown().Match(text)).Success)
        {
            Endpoints(ev, m, swap: false);
            Action(ev, "teardown", "success", Categories.Connection);
            ev.Set("network.transport", m.Groups["proto"].Value.ToLowerInvariant());
            ev.Set("cisco.connection_id", m.Groups["cid"].Value);
        }
        else if ((m = DenyFromTo().Match(text)).Success || (m = AclLog().Match(text)).Success)
        {
            Endpoints(ev, m, swap: false);
            var verb = m.Groups["verb"].Value;
            var allowed = verb is "permitted" or "Permit" or "permit";
            Action(ev, allowed ? "allow" : "deny", allowed ? "success" : "failure", allowed ? Categories.Allowed : Categories.Denied);
            if (m.Groups["proto"].Success)
            {
                ev.Set("network.transport", m.Groups["proto"].Value.ToLowerInvariant());
            }

            if (m.Groups["acl"].Success)
            {
                ev.Set("cisco.list_id", m.Groups["acl"].Value);
            }
        }
        else if ((m = AsaLogin().Match(text)).Success)
        {
            Endpoints(ev, m, swap: false);
            ev.Set(EcsFields.UserName, m.Groups["user"].Value);
            var ok = m.Groups["verb"].Value == "permitted";
            Login(ev, ok);
        }
        else if ((m = Aaa().Match(text)).Success)
        {
            ev.Set(EcsFields.UserName, m.Groups["user"].Value);
            if (m.Groups["ip"].Success)
            {
                EventFields.SetAddress(ev, "source", m.Groups["ip"].Value);
            }

            Login(ev, m.Groups["res"].Value == "Successful");
        }
        else if ((m = IosLogin().Match(text)).Success)
        {
            ev.Set(EcsFields.UserName, m.Groups["user"].Value);
            EventFields.SetAddress(ev, "source", m.Groups["ip"].Value);
            EventFields.SetLong(ev, EcsFields.DestinationPort, m.Groups["dport"].Value);
            Login(ev, m.Groups["res"].Value == "Success");
        }
        else if ((m = Configured().Match(text)).Success)
        {
            ev.Set(EcsFields.UserName, m.Groups["user"].Value);
            if (m.Groups["ip"].Success)
            {
                EventFields.SetAddress(ev, "source", m.Groups["ip"].Value);
            }

            Action(ev, "configuration-change", "success", Categories.Configuration);
        }
        else if ((m = Executed().Match(text)).Success)
        {
            ev.Set(EcsFields.UserName, m.Groups["user"].Value);
            ev.Set("cisco.command_line", m.Groups["cmd"].Value);
            Action(ev, "command-executed", "success", Categories.Configuration);
        }
    }

    private static void Login(LogEvent ev, bool ok)
    {
        Action(ev, "login", ok ? "success" : "failure", Categories.Authentication);
        ev.Set(EcsFields.EventType, ok ? Categories.AuthSuccess : Categories.AuthFailure);
    }

    private static void Action(LogEvent ev, string action, string outcome, System.Collections.ObjectModel.ReadOnlyCollection<string> category)
    {
        ev.Set(EcsFields.EventAction, action);
        ev.Set(EcsFields.EventOutcome, outcome);
        ev.Set(EcsFields.EventCategory, category.Count == 2 ? Categories.Network : category);
        if (category.Count == 2)
        {
            ev.Set(EcsFields.EventType, category);
        }
    }

    private static void Endpoints(LogEvent ev, Match m, bool swap)
    {
        var (s, d) = swap ? ("d", "s") : ("s", "d");
        EventFields.SetAddress(ev, "source", m.Groups[s + "ip"].Value);
        EventFields.SetAddress(ev, "destination", m.Groups[d + "ip"].Value);
        if (m.Groups[s + "port"].Success)
        {
            EventFields.SetLong(ev, EcsFields.SourcePort, m.Groups[s + "port"].Value);
        }

        if (m.Groups[d + "port"].Success)
        {
            EventFields.SetLong(ev, EcsFields.DestinationPort, m.Groups[d + "port"].Value);
        }

        if (m.Groups[s + "if"].Success && m.Groups[s + "if"].Value.Length > 0)
        {
            ev.Set("observer.ingress.interface.name", m.Groups[s + "if"].Value);
        }

        if (m.Groups[d + "if"].Success && m.Groups[d + "if"].Value.Length > 0)
        {
            ev.Set("observer.egress.interface.name", m.Groups[d + "if"].Value);
        }
    }

    [GeneratedRegex(@"%(?<fac>[A-Z][A-Z0-9_]*)-(?:[A-Z0-9_]+-)?(?<sev>[0-7])-(?<mn>[A-Z0-9_]+):", RegexOptions.CultureInvariant)]
    private static partial Regex MessageId();

    [GeneratedRegex(@"^Built (?<dir>inbound|outbound) (?<proto>\w+) connection (?<cid>\d+) for (?<sif>[^:\s]+):(?<sip>[^/\s]+)/(?<sport>\d+).*? to (?<dif>[^:\s]+):(?<dip>[^/\s]+)/(?<dport>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Built();

    [GeneratedRegex(@"^Teardown (?<proto>\w+) connection (?<cid>\d+) for (?<sif>[^:\s]+):(?<sip>[^/\s]+)/(?<sport>\d+) to (?<dif>[^:\s]+):(?<dip>[^/\s]+)/(?<dport>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Teardown();

    // 106001/106006/106007/106015/106023/710003: "Deny tcp src outside:1.2.3.4/5 dst inside:6.7.8.9/80 by access-group "x"",
    // "Inbound TCP connection denied from 1.2.3.4/5 to 6.7.8.9/80 ...", "TCP access denied by ACL from 1.2.3.4/5 to outside:6.7.8.9/22".
    [GeneratedRegex(@"(?<verb>Deny|denied|Permit|permitted)\b.*?(?:src |from )(?:(?<sif>[^:\s]+):)?(?<sip>[0-9A-Fa-f.:]+)/(?<sport>\d+)\s+(?:dst |to )(?:(?<dif>[^:\s]+):)?(?<dip>[0-9A-Fa-f.:]+)/(?<dport>\d+)(?:.*?access-group ""(?<acl>[^""]+)"")?", RegexOptions.CultureInvariant)]
    private static partial Regex DenyFromTo();

    // ASA 106100 "access-list acl permitted tcp outside/1.2.3.4(5) -> inside/6.7.8.9(80)"; IOS "list 101 denied tcp 1.2.3.4(5) -> 6.7.8.9(80)".
    [GeneratedRegex(@"list (?<acl>\S+) (?<verb>permitted|denied) (?<proto>\w+) (?:(?<sif>[^/\s]+)/)?(?<sip>[0-9A-Fa-f.:]+)\((?<sport>\d+)\)(?:\([^)]*\))? -> (?:(?<dif>[^/\s]+)/)?(?<dip>[0-9A-Fa-f.:]+)\((?<dport>\d+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex AclLog();

    [GeneratedRegex(@"^Login (?<verb>permitted|denied) from (?<sip>[0-9A-Fa-f.:]+)/(?<sport>\d+) to (?:(?<dif>[^:\s]+):)?(?<dip>[0-9A-Fa-f.:]+)/(?<dport>\S+) for user ""(?<user>[^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex AsaLogin();

    [GeneratedRegex(@"AAA user authentication (?<res>Successful|Rejected).*?user = (?<user>[^:\s]+)(?:.*?user IP = (?<ip>[0-9A-Fa-f.:]+))?", RegexOptions.CultureInvariant)]
    private static partial Regex Aaa();

    [GeneratedRegex(@"^Login (?<res>Success|failed) \[user: (?<user>[^\]]*)\] \[Source: (?<ip>[^\]]+)\] \[localport: (?<dport>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex IosLogin();

    [GeneratedRegex(@"^Configured from (?<src>\S+) by (?<user>\S+)(?: on \S+)?(?: \((?<ip>[0-9A-Fa-f.:]+)\))?", RegexOptions.CultureInvariant)]
    private static partial Regex Configured();

    [GeneratedRegex(@"^User '(?<user>[^']+)' executed the '(?<cmd>.*)' command", RegexOptions.CultureInvariant)]
    private static partial Regex Executed();
}
