using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>useradd/usermod/userdel/groupadd/groupmod/groupdel messages → ECS iam events.</summary>
internal static class ShadowUtils
{
    public static bool Apply(LogEvent ev, ReadOnlySpan<char> msg)
    {
        var c = new SpanCursor(msg);
        if (c.Skip("new user: "))
        {
            Pairs(ev, c.Rest, user: true);
            return Iam(ev, Categories.UserCreation, "user_created");
        }

        if (c.Skip("new group: "))
        {
            Pairs(ev, c.Rest, user: false);
            return Iam(ev, Categories.GroupCreation, "group_created");
        }

        if (c.Skip("add '") && c.Until("' to group '", out var user) && c.Until("'", out var group))
        {
            ev.Set(EcsFields.UserName, user.ToString());
            ev.Set("group.name", group.ToString());
            return Iam(ev, Categories.UserChange, "user_added_to_group");
        }

        if ((c.Skip("delete user '") || c.Skip("change user '") || c.Skip("lock user '") || c.Skip("unlock user '")) && c.Until("'", out user))
        {
            ev.Set(EcsFields.UserName, user.ToString());
            var deleted = msg.StartsWith("delete", StringComparison.Ordinal);
            return Iam(ev, deleted ? Categories.UserDeletion : Categories.UserChange, deleted ? "user_deleted" : "user_changed");
        }

        if ((c.Skip("group '") || c.Skip("removed group '")) && c.Until("'", out group))
        {
            ev.Set("group.name", group.ToString());
            var removed = c.Rest.Contains("removed", StringComparison.Ordinal) || msg.StartsWith("removed", StringComparison.Ordinal);
            return Iam(ev, removed ? Categories.GroupDeletion : Categories.GroupChange, removed ? "group_deleted" : "group_changed");
        }

        return false;
    }

    private static bool Iam(LogEvent ev, System.Collections.ObjectModel.ReadOnlyCollection<string> type, string action)
    {
        ev.Set(EcsFields.EventCategory, Categories.Iam);
        ev.Set(EcsFields.EventType, type);
        ev.Set(EcsFields.EventAction, action);
        ev.Set(EcsFields.EventOutcome, "success");
        return true;
    }

    /// <summary><c>name=apache, UID=48, GID=48, home=/usr/share/httpd, shell=/sbin/nologin</c></summary>
    private static void Pairs(LogEvent ev, ReadOnlySpan<char> rest, bool user)
    {
        while (!rest.IsEmpty)
        {
            var comma = rest.IndexOf(", ", StringComparison.Ordinal);
            var part = comma < 0 ? rest : rest[..comma];
            rest = comma < 0 ? [] : rest[(comma + 2)..];
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }

            var value = part[(eq + 1)..].ToString();
            switch (part[..eq])
            {
                case "name":
                    ev.Set(user ? EcsFields.UserName : "group.name", value);
                    break;
                case "UID":
                    ev.Set("user.id", value);
                    break;
                case "GID":
                    ev.Set("group.id", value);
                    break;
                case "home":
                    ev.Set("system.auth.useradd.home", value);
                    break;
                case "shell":
                    ev.Set("system.auth.useradd.shell", value);
                    break;
                default:
                    break;
            }
        }
    }
}
