using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>PAM module lines, sudo and su.</summary>
public static partial class AuthMessageParser
{
    /// <summary>PAM module lines: session opened/closed, authentication failure (rhost, user), password changed.</summary>
    private static bool Pam(LogEvent ev, ReadOnlySpan<char> msg)
    {
        var c = new SpanCursor(msg);
        if (c.Skip("pam_unix(") || c.Skip("pam_sss(") || c.Skip("pam_systemd("))
        {
            c.Until("): ", out _);
        }

        if (c.Skip("session opened for user ") || c.Skip("session closed for user "))
        {
            var opened = c.Rest.Length < msg.Length && msg.Contains("opened", StringComparison.Ordinal);
            var user = c.Word();
            var paren = user.IndexOf('(');
            EventFields.SetText(ev, EcsFields.UserName, paren > 0 ? user[..paren] : user);
            ev.Set(EcsFields.EventCategory, Categories.Session);
            ev.Set(EcsFields.EventType, opened ? Categories.Start : Categories.End);
            ev.Set(EcsFields.EventAction, opened ? "session_opened" : "session_closed");
            ev.Set(EcsFields.EventOutcome, "success");
            return true;
        }

        if (c.Skip("authentication failure;") || (c.Skip("PAM ") && c.Until(" more authentication failure", out _)))
        {
            ev.Set(EcsFields.EventAction, "authentication_failure");
            ev.Set(EcsFields.EventCategory, Categories.Authentication);
            ev.Set(EcsFields.EventType, Categories.AuthFailure);
            ev.Set(EcsFields.EventOutcome, "failure");
            var rest = c.Rest;
            var rhost = rest.IndexOf("rhost=", StringComparison.Ordinal);
            if (rhost >= 0)
            {
                var value = rest[(rhost + 6)..];
                var end = value.IndexOf(' ');
                EventFields.SetAddress(ev, "source", end < 0 ? value : value[..end]);
            }

            var user = rest.IndexOf(" user=", StringComparison.Ordinal);
            if (user >= 0)
            {
                var value = rest[(user + 6)..];
                var end = value.IndexOf(' ');
                EventFields.SetText(ev, EcsFields.UserName, end < 0 ? value : value[..end]);
            }

            return true;
        }

        if (c.Skip("password changed for "))
        {
            EventFields.SetText(ev, EcsFields.UserName, c.Word());
            ev.Set(EcsFields.EventCategory, Categories.Iam);
            ev.Set(EcsFields.EventType, Categories.UserChange);
            ev.Set(EcsFields.EventAction, "password_changed");
            ev.Set(EcsFields.EventOutcome, "success");
            return true;
        }

        if (c.Skip("check pass; user unknown"))
        {
            ev.Set(EcsFields.EventCategory, Categories.Authentication);
            ev.Set(EcsFields.EventType, Categories.AuthFailure);
            ev.Set(EcsFields.EventOutcome, "failure");
            return true;
        }

        return false;
    }

    /// <summary><c>user : [error ; ]TTY=… ; PWD=… ; USER=… ; COMMAND=…</c></summary>
    private static bool Sudo(LogEvent ev, ReadOnlySpan<char> msg)
    {
        var c = new SpanCursor(msg);
        if (!c.Until(" : ", out var user) || user.Contains(' '))
        {
            return false;
        }

        EventFields.SetText(ev, EcsFields.UserName, user.Trim());
        ev.Set(EcsFields.EventAction, "sudo");
        ev.Set(EcsFields.EventCategory, Categories.Process);
        ev.Set(EcsFields.EventType, Categories.Start);
        var rest = c.Rest;
        while (!rest.IsEmpty)
        {
            var sep = rest.IndexOf(" ; ", StringComparison.Ordinal);
            var part = sep < 0 ? rest : rest[..sep];
            rest = sep < 0 ? [] : rest[(sep + 3)..];
            var eq = part.IndexOf('=');
            var key = eq > 0 ? part[..eq] : default;
            if (key is "TTY" or "PWD" or "USER" or "COMMAND" or "GROUP" or "ENV")
            {
                var value = part[(eq + 1)..];
                if (key is "COMMAND")
                {
                    // COMMAND comes last and may itself contain " ; ".
                    var command = sep < 0 ? value.ToString() : string.Concat(value, " ; ", rest);
                    ev.Set("system.auth.sudo.command", command);
                    ev.Set("process.command_line", command);
                    break;
                }

                ev.Set("system.auth.sudo." + key.ToString().ToLowerInvariant(), value.ToString());
                if (key is "USER")
                {
                    ev.Set("user.effective.name", value.ToString());
                }
            }
            else if (!part.IsEmpty)
            {
                ev.Set("system.auth.sudo.error", part.ToString());
                ev.Set(EcsFields.EventOutcome, "failure");
            }
        }

        if (!ev.Has(EcsFields.EventOutcome))
        {
            ev.Set(EcsFields.EventOutcome, "success");
        }

        return true;
    }

    private static bool Su(LogEvent ev, ReadOnlySpan<char> msg)
    {
        var c = new SpanCursor(msg);
        var failed = c.Skip("FAILED SU ") || c.Skip("FAILED su ");
        if (c.Skip("(to ") && c.Until(") ", out var target))
        {
            ev.Set("user.effective.name", target.ToString());
            EventFields.SetText(ev, EcsFields.UserName, c.Word());
        }
        else if (c.Skip("for ") || c.Skip("Successful su for "))
        {
            ev.Set("user.effective.name", c.Word().ToString());
            if (c.Skip("by "))
            {
                EventFields.SetText(ev, EcsFields.UserName, c.Word());
            }
        }
        else
        {
            return false;
        }

        ev.Set(EcsFields.EventAction, "su");
        ev.Set(EcsFields.EventCategory, Categories.Authentication);
        ev.Set(EcsFields.EventType, failed ? Categories.AuthFailure : Categories.AuthSuccess);
        ev.Set(EcsFields.EventOutcome, failed ? "failure" : "success");
        return true;
    }
}
