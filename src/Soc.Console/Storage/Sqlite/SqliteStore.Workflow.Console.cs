using Microsoft.Data.Sqlite;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>
    /// Moves an incident to <paramref name="status"/> and audits it in the same transaction. Leaving
    /// <c>new</c> stamps the acknowledgement time once (the time-to-acknowledge clock stops there);
    /// closing stamps the close time and keeps the reason; reopening clears both.
    /// </summary>
    public bool SetIncidentStatus(long id, string actor, string status, string? reason) => ConsoleWrite((c, t) =>
    {
        var current = Scalar(c, t, "SELECT status || char(31) || agency_id FROM incidents WHERE id = $id", id)?.Split('\u001f');
        if (current is null || (current[0] == status && status != "closed"))
        {
            return false;
        }

        EnsureState(c, t, id);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using (var update = Command(c, t, """
            UPDATE incidents SET status = $status, version = version + 1 WHERE id = $id;
            UPDATE console_incident_state SET
                acknowledged = CASE WHEN $status <> 'new' THEN coalesce(acknowledged, $now) ELSE acknowledged END,
                closed = CASE WHEN $status = 'closed' THEN $now ELSE NULL END,
                closing_reason = CASE WHEN $status = 'closed' THEN $reason ELSE NULL END
            WHERE incident_id = $id;
            """))
        {
            update.Parameters.AddWithValue("$status", status);
            update.Parameters.AddWithValue("$id", id);
            update.Parameters.AddWithValue("$now", now);
            update.Parameters.AddWithValue("$reason", Db(reason));
            update.ExecuteNonQuery();
        }

        var after = status == "closed" ? $"closed ({reason})" : status;
        AppendAudit(c, t, actor, "incident.status", $"incident:{id}", current[1], current[0], after);
        return true;
    });

    public bool AssignIncident(long id, string actor, string? assignee) =>
        ChangeState(id, actor, "incident.assign", "assignee", string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim());

    public bool SetIncidentCategory(long id, string actor, string? category) =>
        ChangeState(id, actor, "incident.category", "category", string.IsNullOrWhiteSpace(category) ? null : category);

    public bool SetIncidentSeverity(long id, string actor, string severity) => ConsoleWrite((c, t) =>
    {
        var current = Scalar(c, t, "SELECT severity || char(31) || agency_id FROM incidents WHERE id = $id", id)?.Split('\u001f');
        if (current is null || current[0] == severity)
        {
            return false;
        }

        using (var update = Command(c, t, "UPDATE incidents SET severity = $severity, version = version + 1 WHERE id = $id"))
        {
            update.Parameters.AddWithValue("$severity", severity);
            update.Parameters.AddWithValue("$id", id);
            update.ExecuteNonQuery();
        }

        AppendAudit(c, t, actor, "incident.severity", $"incident:{id}", current[1], current[0], severity);
        return true;
    });

    public bool AddIncidentNote(long id, string actor, string text) => ConsoleWrite((c, t) =>
    {
        var agency = Scalar(c, t, "SELECT agency_id FROM incidents WHERE id = $id", id);
        if (agency is null || string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        using (var insert = Command(c, t, "INSERT INTO console_notes(incident_id, author, ts, text) VALUES ($id, $author, $ts, $text)"))
        {
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$author", actor);
            insert.Parameters.AddWithValue("$ts", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$text", text.Trim());
            insert.ExecuteNonQuery();
        }

        AppendAudit(c, t, actor, "incident.note", $"incident:{id}", agency, null, text.Trim());
        return true;
    });

    private bool ChangeState(long id, string actor, string action, string column, string? value) => ConsoleWrite((c, t) =>
    {
        var agency = Scalar(c, t, "SELECT agency_id FROM incidents WHERE id = $id", id);
        if (agency is null)
        {
            return false;
        }

        EnsureState(c, t, id);
        // column is one of two constants chosen above, never user input.
        var before = Scalar(c, t, $"SELECT {column} FROM console_incident_state WHERE incident_id = $id", id);
        if (before == value)
        {
            return false;
        }

        using (var update = Command(c, t, $"UPDATE console_incident_state SET {column} = $value WHERE incident_id = $id"))
        {
            update.Parameters.AddWithValue("$value", Db(value));
            update.Parameters.AddWithValue("$id", id);
            update.ExecuteNonQuery();
        }

        AppendAudit(c, t, actor, action, $"incident:{id}", agency, before, value);
        return true;
    });

    private static void EnsureState(SqliteConnection c, SqliteTransaction t, long id)
    {
        using var insert = Command(c, t, "INSERT OR IGNORE INTO console_incident_state(incident_id) VALUES ($id)");
        insert.Parameters.AddWithValue("$id", id);
        insert.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteConnection c, SqliteTransaction t, string sql, long id)
    {
        using var q = Command(c, t, sql);
        q.Parameters.AddWithValue("$id", id);
        return q.ExecuteScalar() as string;
    }
}
