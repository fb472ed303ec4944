using System.Globalization;
using Soc.Console.Web.Data;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>Whether the account is locked out now; the end of the lock when it is.</summary>
    public DateTimeOffset? LockedUntil(string userName)
    {
        using var c = OpenConsole();
        using var q = Command(c, null, "SELECT locked_until FROM console_sign_in WHERE user_name = $name AND locked_until > $now");
        q.Parameters.AddWithValue("$name", userName);
        q.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return q.ExecuteScalar() is long until ? DateTimeOffset.FromUnixTimeMilliseconds(until) : null;
    }

    /// <summary>
    /// Counts a failed sign-in; the <paramref name="maxFailures"/>-th in a row locks the account for
    /// <paramref name="lockFor"/>. Returns true when it locked.
    /// </summary>
    public bool RecordSignInFailure(string userName, int maxFailures, TimeSpan lockFor) => ConsoleWrite((c, t) =>
    {
        var now = DateTimeOffset.UtcNow;
        using (var upsert = Command(c, t, """
            INSERT INTO console_sign_in(user_name, failures, locked_until) VALUES ($name, 1, NULL)
            ON CONFLICT(user_name) DO UPDATE SET failures = failures + 1
            """))
        {
            upsert.Parameters.AddWithValue("$name", userName);
            upsert.ExecuteNonQuery();
        }

        using var count = Command(c, t, "SELECT failures FROM console_sign_in WHERE user_name = $name");
        count.Parameters.AddWithValue("$name", userName);
        var failures = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        var locked = failures >= maxFailures;
        if (locked)
        {
            using var lockIt = Command(c, t, "UPDATE console_sign_in SET failures = 0, locked_until = $until WHERE user_name = $name");
            lockIt.Parameters.AddWithValue("$name", userName);
            lockIt.Parameters.AddWithValue("$until", (now + lockFor).ToUnixTimeMilliseconds());
            lockIt.ExecuteNonQuery();
        }

        return locked;
    });

    /// <summary>A good sign-in clears the failure count.</summary>
    public void ResetSignInFailures(string userName) => ConsoleWrite((c, t) =>
    {
        using var reset = Command(c, t, "DELETE FROM console_sign_in WHERE user_name = $name");
        reset.Parameters.AddWithValue("$name", userName);
        return reset.ExecuteNonQuery();
    });

    /// <summary>The user's console language, or null when never chosen.</summary>
    public string? UserLanguage(string userName)
    {
        using var c = OpenConsole();
        using var q = Command(c, null, "SELECT language FROM console_prefs WHERE user_name = $name");
        q.Parameters.AddWithValue("$name", userName);
        return q.ExecuteScalar() as string;
    }

    public void SetUserLanguage(string userName, string language) => ConsoleWrite((c, t) =>
    {
        using var upsert = Command(c, t, "INSERT INTO console_prefs(user_name, language) VALUES ($name, $lang) ON CONFLICT(user_name) DO UPDATE SET language = $lang");
        upsert.Parameters.AddWithValue("$name", userName);
        upsert.Parameters.AddWithValue("$lang", language);
        return upsert.ExecuteNonQuery();
    });

    public IReadOnlyList<SavedView> SavedViews(string userName)
    {
        using var c = OpenConsole();
        using var q = Command(c, null, "SELECT id, name, query FROM console_views WHERE user_name = $name ORDER BY name");
        q.Parameters.AddWithValue("$name", userName);
        using var r = q.ExecuteReader();
        var list = new List<SavedView>();
        while (r.Read())
        {
            list.Add(new SavedView(r.GetInt64(0), r.GetString(1), r.GetString(2)));
        }

        return list;
    }

    public void SaveView(string userName, string name, string query) => ConsoleWrite((c, t) =>
    {
        using var insert = Command(c, t, "INSERT INTO console_views(user_name, name, query) VALUES ($user, $name, $query)");
        insert.Parameters.AddWithValue("$user", userName);
        insert.Parameters.AddWithValue("$name", name);
        insert.Parameters.AddWithValue("$query", query);
        return insert.ExecuteNonQuery();
    });

    public IReadOnlyList<UserAccount> ListUsers()
    {
        using var c = OpenConsole();
        using var q = Command(c, null, "SELECT name, role, agency_id, NULL FROM users ORDER BY name");
        using var r = q.ExecuteReader();
        var list = new List<UserAccount>();
        while (r.Read())
        {
            list.Add(ReadUser(r));
        }

        return list;
    }

    /// <summary>Names of users who may own incidents (admins and analysts), for the assignee lists.</summary>
    public IReadOnlyList<string> Assignees()
    {
        using var c = OpenConsole();
        using var q = Command(c, null, "SELECT name FROM users WHERE role IN ('admin', 'analyst') ORDER BY name");
        using var r = q.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }

        return list;
    }
}
