using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>cron, systemd-logind and login.</summary>
public static partial class AuthMessageParser
{
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
