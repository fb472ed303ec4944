using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>sshd phrasings.</summary>
public static partial class AuthMessageParser
{
    private static bool Sshd(LogEvent ev, ReadOnlySpan<char> msg)
    {
        var c = new SpanCursor(msg);
        if (c.Skip("message repeated ") && c.Until("[ ", out _))
        {
            return Sshd(ev, c.Rest.TrimEnd(']').Trim());
        }

        c = new SpanCursor(msg);
        if (c.Skip("error: ") && !c.Rest.StartsWith("maximum", StringComparison.Ordinal))
        {
            return Sshd(ev, c.Rest);
        }

        c = new SpanCursor(msg);
        if (c.Skip("Accepted ") || c.Skip("Failed ") || c.Skip("Postponed "))
        {
            var accepted = msg[0] == 'A';
            var method = c.Word();
            if (!c.Skip("for "))
            {
                return false;
            }

            c.Skip("invalid user ");
            if (!c.Until(" from ", out var user))
            {
                return false;
            }

            ev.Set("system.auth.ssh.event", accepted ? "Accepted" : msg[0] == 'F' ? "Failed" : "Postponed");
            ev.Set("system.auth.ssh.method", method.ToString());
            Login(ev, accepted, user);
            EventFields.SetAddress(ev, "source", c.Word());
            if (c.Skip("port "))
            {
                EventFields.SetLong(ev, EcsFields.SourcePort, c.Word());
            }

            if (c.Until(": ", out _) && !c.Rest.IsEmpty)
            {
                ev.Set("system.auth.ssh.signature", c.Rest.ToString());
            }

            return true;
        }

        if (c.Skip("Invalid user ") || c.Skip("Illegal user "))
        {
            if (!c.Until(" from ", out var user))
            {
                user = c.Rest;
                c = default;
            }

            ev.Set("system.auth.ssh.event", "Invalid");
            Login(ev, false, user);
            EventFields.SetAddress(ev, "source", c.Word());
            if (c.Skip("port "))
            {
                EventFields.SetLong(ev, EcsFields.SourcePort, c.Word());
            }

            return true;
        }

        if (c.Skip("input_userauth_request: invalid user "))
        {
            Login(ev, false, c.Word());
            return true;
        }

        if (c.Skip("Did not receive identification string from "))
        {
            var ip = c.Word();
            ev.Set("system.auth.ssh.dropped_ip", ip.ToString());
            EventFields.SetAddress(ev, "source", ip);
            if (c.Skip("port "))
            {
                EventFields.SetLong(ev, EcsFields.SourcePort, c.Word());
            }

            return true;
        }

        if (c.Skip("Disconnected from ") || c.Skip("Connection closed by ") || c.Skip("Received disconnect from ")
            || c.Skip("Connection reset by ") || c.Skip("Timeout before authentication for "))
        {
            ev.Set(EcsFields.EventAction, msg[0] == 'C' ? "ssh_connection_closed" : "ssh_disconnect");
            ev.Set(EcsFields.EventCategory, Categories.Session);
            ev.Set(EcsFields.EventType, Categories.End);
            if (c.Skip("invalid user ") || c.Skip("authenticating user ") || c.Skip("user "))
            {
                EventFields.SetText(ev, EcsFields.UserName, c.Word());
            }

            var host = c.Word().TrimEnd(':');
            EventFields.SetAddress(ev, "source", host);
            if (c.Skip("port "))
            {
                EventFields.SetLong(ev, EcsFields.SourcePort, c.Word().TrimEnd(':'));
            }

            return true;
        }

        if (c.Skip("reverse mapping checking getaddrinfo for ") && c.Until(" [", out _) && c.Until("]", out var addr))
        {
            EventFields.SetAddress(ev, "source", addr);
            return true;
        }

        if (c.Skip("error: maximum authentication attempts exceeded for ") || c.Skip("Disconnecting: Too many authentication failures for ")
            || c.Skip("Disconnecting authenticating user "))
        {
            c.Skip("invalid user ");
            Login(ev, false, c.Word());
            if (c.Skip("from "))
            {
                EventFields.SetAddress(ev, "source", c.Word());
                if (c.Skip("port "))
                {
                    EventFields.SetLong(ev, EcsFields.SourcePort, c.Word());
                }
            }

            return true;
        }

        return false;
    }

    private static void Login(LogEvent ev, bool success, ReadOnlySpan<char> user)
    {
        ev.Set(EcsFields.EventAction, "ssh_login");
        ev.Set(EcsFields.EventCategory, success ? Categories.AuthenticationSession : Categories.Authentication);
        ev.Set(EcsFields.EventType, success ? Categories.AuthSuccess : Categories.AuthFailure);
        ev.Set(EcsFields.EventOutcome, success ? "success" : "failure");
        EventFields.SetText(ev, EcsFields.UserName, user);
    }
}
