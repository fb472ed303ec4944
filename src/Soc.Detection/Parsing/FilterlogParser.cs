using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>
/// pfSense/OPNsense <c>filterlog</c> CSV (pfSense 2.2+ layout): rule, sub-rule, anchor, tracker, interface, reason,
/// action, direction, IP version, then IPv4 or IPv6 header fields, then ports for TCP/UDP.
/// </summary>
public static class FilterlogParser
{
    public static bool TryApply(LogEvent ev, string message)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(message);
        Span<Range> parts = stackalloc Range[32];
        var s = message.AsSpan().Trim();
        var n = s.Split(parts, ',');
        if (n < 9)
        {
            return false;
        }

        var version = Field(s, parts, n, 8);
        int proto, src, dst, ports;
        if (version.SequenceEqual("4"))
        {
            (proto, src, dst, ports) = (16, 18, 19, 20);
        }
        else if (version.SequenceEqual("6"))
        {
            (proto, src, dst, ports) = (12, 15, 16, 17);
        }
        else
        {
            return false;
        }

        if (n <= dst)
        {
            return false;
        }

        ev.Set(EcsFields.EventDataset, "pfsense.filterlog");
        ev.Set("observer.vendor", "Netgate");
        ev.Set("observer.product", "pfSense");
        ev.Set("observer.type", "firewall");
        EventFields.SetText(ev, "rule.id", Field(s, parts, n, 0));
        EventFields.SetText(ev, "pfsense.filterlog.tracker", Field(s, parts, n, 3));
        EventFields.SetText(ev, "observer.ingress.interface.name", Field(s, parts, n, 4));
        EventFields.SetText(ev, "pfsense.filterlog.reason", Field(s, parts, n, 5));
        var action = Field(s, parts, n, 6);
        EventFields.SetText(ev, "pfsense.filterlog.action", action);
        EventFields.SetText(ev, "network.direction", Field(s, parts, n, 7).SequenceEqual("in") ? "inbound" : Field(s, parts, n, 7).SequenceEqual("out") ? "outbound" : Field(s, parts, n, 7));
        ev.Set("network.type", version.SequenceEqual("4") ? "ipv4" : "ipv6");
        var transport = Field(s, parts, n, proto);
        EventFields.SetText(ev, "network.transport", transport);
        EventFields.SetAddress(ev, "source", Field(s, parts, n, src));
        EventFields.SetAddress(ev, "destination", Field(s, parts, n, dst));
        if (transport is "tcp" or "udp")
        {
            EventFields.SetLong(ev, EcsFields.SourcePort, Field(s, parts, n, ports));
            EventFields.SetLong(ev, EcsFields.DestinationPort, Field(s, parts, n, ports + 1));
        }

        var pass = action.SequenceEqual("pass");
        ev.Set(EcsFields.EventAction, pass ? "allow" : "deny");
        ev.Set(EcsFields.EventOutcome, pass ? "success" : "failure");
        ev.Set(EcsFields.EventCategory, Categories.Network);
        ev.Set(EcsFields.EventType, pass ? Categories.Allowed : Categories.Denied);
        return true;
    }

    private static ReadOnlySpan<char> Field(ReadOnlySpan<char> s, ReadOnlySpan<Range> parts, int count, int k) => k < count ? s[parts[k]] : default;
}
