namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>
    /// Deadline notifications already delivered, one row per (incident, deadline, state, channel), so a
    /// restarted center does not send them again and a channel that failed is retried alone. Kept in the
    /// SQLite file whichever store holds the incidents.
    /// </summary>
    public bool NotificationSent(long incidentId, string deadline, string state, string channel)
    {
        using var c = Open();
        using var q = Command(c, null, "SELECT 1 FROM notifications_sent WHERE incident_id = $i AND deadline = $d AND state = $s AND channel = $c");
        q.Parameters.AddWithValue("$i", incidentId);
        q.Parameters.AddWithValue("$d", deadline);
        q.Parameters.AddWithValue("$s", state);
        q.Parameters.AddWithValue("$c", channel);
        return q.ExecuteScalar() is not null;
    }

    public Task RecordNotificationAsync(long incidentId, string deadline, string state, string channel, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync((c, t) =>
        {
            using var insert = Command(c, t, "INSERT OR IGNORE INTO notifications_sent(incident_id, deadline, state, channel, sent_at) VALUES ($i, $d, $s, $c, $at)");
            insert.Parameters.AddWithValue("$i", incidentId);
            insert.Parameters.AddWithValue("$d", deadline);
            insert.Parameters.AddWithValue("$s", state);
            insert.Parameters.AddWithValue("$c", channel);
            insert.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            return insert.ExecuteNonQuery();
        }, cancellationToken);
}
