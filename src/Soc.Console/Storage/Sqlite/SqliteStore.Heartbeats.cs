using Microsoft.Data.Sqlite;

namespace Soc.Console.Storage.Sqlite;

/// <summary>
/// Collector heartbeats (POST /api/v1/collectors/heartbeat): only the latest per (agency, collector) is
/// kept, in the accounts file in both storage modes — it is control-plane state, one row per collector,
/// written about once a minute each.
/// </summary>
public sealed partial class SqliteStore
{
    public Task SaveHeartbeatAsync(CollectorHeartbeat heartbeat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        return WriteAsync((c, t) =>
        {
            using var upsert = Command(c, t, """
                INSERT INTO collector_heartbeats(agency_id, collector_id, host, version, started_at, received_at, interval_seconds,
                    records_read, records_shipped, dropped_too_large, dropped_queue_full, dropped_malformed, truncated, queue_depth, oldest_unsent_seconds)
                VALUES ($agency, $collector, $host, $version, $started, $received, $interval, $read, $shipped, $large, $full, $malformed, $truncated, $depth, $oldest)
                ON CONFLICT(agency_id, collector_id) DO UPDATE SET host = $host, version = $version, started_at = $started, received_at = $received,
                    interval_seconds = $interval, records_read = $read, records_shipped = $shipped, dropped_too_large = $large,
                    dropped_queue_full = $full, dropped_malformed = $malformed, truncated = $truncated, queue_depth = $depth, oldest_unsent_seconds = $oldest
                """);
            var p = upsert.Parameters;
            p.AddWithValue("$agency", heartbeat.AgencyId);
            p.AddWithValue("$collector", heartbeat.CollectorId);
            p.AddWithValue("$host", Db(heartbeat.Host));
            p.AddWithValue("$version", Db(heartbeat.Version));
            p.AddWithValue("$started", heartbeat.StartedAt is { } s ? s.ToUnixTimeMilliseconds() : DBNull.Value);
            p.AddWithValue("$received", heartbeat.ReceivedAt.ToUnixTimeMilliseconds());
            p.AddWithValue("$interval", heartbeat.IntervalSeconds);
            p.AddWithValue("$read", heartbeat.RecordsRead);
            p.AddWithValue("$shipped", heartbeat.RecordsShipped);
            p.AddWithValue("$large", heartbeat.DroppedTooLarge);
            p.AddWithValue("$full", heartbeat.DroppedQueueFull);
            p.AddWithValue("$malformed", heartbeat.DroppedMalformed);
            p.AddWithValue("$truncated", heartbeat.Truncated);
            p.AddWithValue("$depth", heartbeat.QueueDepth);
            p.AddWithValue("$oldest", heartbeat.OldestUnsentSeconds);
            return upsert.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <summary>The latest heartbeat of every collector of the agencies in scope (null = all), by agency then collector.</summary>
    public IReadOnlyList<CollectorHeartbeat> Heartbeats(IReadOnlyList<string>? agencyScope)
    {
        using var c = Open();
        using var q = Command(c, null, "");
        var where = new List<string>();
        AddScope(q, where, "agency_id", agencyScope);
        q.CommandText = """
            SELECT agency_id, collector_id, host, version, started_at, received_at, interval_seconds, records_read, records_shipped,
                   dropped_too_large, dropped_queue_full, dropped_malformed, truncated, queue_depth, oldest_unsent_seconds
            FROM collector_heartbeats
            """ + Where(where) + " ORDER BY agency_id, collector_id";
        return ReadAll(q, ReadHeartbeat);
    }

    private static CollectorHeartbeat ReadHeartbeat(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        NullableString(r, 2),
        NullableString(r, 3),
        r.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
        r.GetInt32(6),
        r.GetInt64(7),
        r.GetInt64(8),
        r.GetInt64(9),
        r.GetInt64(10),
        r.GetInt64(11),
        r.GetInt64(12),
        r.GetInt64(13),
        r.GetInt64(14));
}
