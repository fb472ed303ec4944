using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>
/// Reads the messages of Linux authentication programs (sshd, sudo, su, PAM, shadow-utils, cron, systemd-logind,
/// login) into ECS: event.category/type/outcome/action, user.name, source.ip/port, group.*. Field names follow
/// Filebeat's system/auth module so that its fixtures and Sigma's mappings line up.
/// </summary>
public static class AuthMessageParser
{
    /// <summary>True for programs whose lines belong in <c>system.auth</c>.</summary>
    public static bool IsAuthProgram(ReadOnlySpan<char> program)
    {
        program = BaseName(program);
        return program switch
        {
            "sshd" or "sudo" or "su" or "useradd" or "usermod" or "userdel" or "groupadd" or "groupmod" or "groupdel"
                or "passwd" or "chpasswd" or "chage" or "gpasswd" or "login" or "pam" or "systemd-logind" or "polkitd"
                or "gdm" or "gdm-password" or "sshd-session" or "unix_chkpwd" or "newgrp" or "vsftpd" => true,
            _ => false,
        };
    }

    /// <summary>Adds what the message says; returns true when a known phrasing was recognised.</summary>
    public static bool Apply(LogEvent ev, string? process, string? message)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (message is null)
        {
            return false;
        }

        var program = BaseName(process);
        var msg = message.AsSpan().Trim();
        return program switch
        {
            "sshd" or "sshd-session" => Sshd(ev, msg) || Pam(ev, msg),
            "sudo" => Sudo(ev, msg) || Pam(ev, msg),
            "su" => Su(ev, msg) || Pam(ev, msg),
            "useradd" or "usermod" or "userdel" or "groupadd" or "groupmod" or "groupdel" or "gpasswd" => ShadowUtils.Apply(ev, msg),
            "cron" or "CRON" or "crond" => Cron(ev, msg) || Pam(ev, msg),
            "systemd-logind" => Logind(ev, msg),
            "login" => Login(ev, msg) || Pam(ev, msg),
            _ => Pam(ev, msg),
        };
    }

    /// <summary><c>sshd(pam_unix)</c> → <c>sshd</c>; <c>/usr/sbin/cron</c> → <c>cron</c>.</summary>
    private static ReadOnlySpan<char> BaseName(ReadOnlySpan<char> program)
    {
        var paren = program.IndexOf('(');
        if (paren > 0)
        {
            program = program[..paren];
        }

        var slash = program.LastIndexOf('/');
        return slash >= 0 ? program[(slash + 1)..] : program;
    }

    private static bool Sshd(LogEvent ev, ReadOnlySpan<char> msg)
    {
        var c = new SpanCursor(msg);
        if (c.Skip("message repeated ") && c.Until("[ ", out _))
        {
            return Sshd(ev, c.Rest.TrimEnd(']').Trim());
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

    /// <summary><c>(root) CMD (command)</c></summary>
    private static bool Cron(LogEvent ev, ReadOnlySpan<char> msg)
    {
        var c = new SpanCursor(msg);
        if (!c.Skip("(") || !c.Until(") CMD (", out var user))
        {
            return false;
        }

        EventFields.SetText(ev, EcsFields.UserName, user);
        ev.Set("process.command_line", c.Rest.TrimEnd(')').ToString());
        ev.Set(EcsFields.EventCategory, Categories.Process);
        ev.Set(EcsFields.EventType, Categories.Start);
        ev.Set(EcsFields.EventAction, "cron_command");
        return true;
    }

    private static bool Logind(LogEvent ev, ReadOnlySpan<char> msg)
    {
        var c = new SpanCursor(msg);
        if (c.Skip("New session ") && c.Until(" of user ", out var id))
        {
            EventFields.SetText(ev, EcsFields.UserName, c.Rest.TrimEnd('.'));
            ev.Set("session.id", id.ToString());
            ev.Set(EcsFields.EventCategory, Categories.Session);
            ev.Set(EcsFields.EventType, Categories.Start);
            ev.Set(EcsFields.EventAction, "session_opened");
            return true;
        }

        if (c.Skip("Removed session "))
        {
            ev.Set("session.id", c.Rest.TrimEnd('.').ToString());
            ev.Set(EcsFields.EventCategory, Categories.Session);
            ev.Set(EcsFields.EventType, Categories.End);
            ev.Set(EcsFields.EventAction, "session_closed");
            return true;
        }

        return false;
    }

    private static bool Login(LogEvent ev, ReadOnlySpan<char> msg)
    {
        var c = new SpanCursor(msg);
        if (c.Skip("ROOT LOGIN ON "))
        {
            ev.Set(EcsFields.UserName, "root");
            ev.Set(EcsFields.EventOutcome, "success");
        }
        else if (c.Skip("FAILED LOGIN ") && c.Until(" FOR ", out _))
        {
            EventFields.SetText(ev, EcsFields.UserName, c.Word().TrimEnd(','));
            ev.Set(EcsFields.EventOutcome, "failure");
        }
        else
        {
            return false;
        }

        ev.Set(EcsFields.EventCategory, Categories.Authentication);
        ev.Set(EcsFields.EventType, ev.GetString(EcsFields.EventOutcome) == "success" ? Categories.AuthSuccess : Categories.AuthFailure);
        ev.Set(EcsFields.EventAction, "login");
        return true;
    }
}
