using Microsoft.Data.Sqlite;

namespace Soc.Console.Storage.Sqlite;

/// <summary>
/// Every event has a time key, <c>tkey</c>: its time in Unix milliseconds shifted left 21 bits, plus a number
/// that tells apart the events of one millisecond. Keys sort as the events' times do, whatever order they
/// arrived in, and are unique. The full-text index uses the key as its rowid, so a text search reads its
/// matches newest first straight from the index and stops at a page, instead of fetching every match to
/// sort it by time (10 million events, <c>sshd AND NOT root</c>: 4–5 s before, bench/RESULTS.md). The
/// time-ordered indexes are on the key, so a page, its cursor and a time range are all key ranges.
/// </summary>
public sealed partial class SqliteStore
{
    /// <summary>Bits of the key that tell apart the events of one millisecond (2,097,152 per millisecond).</summary>
    internal const int TimeKeyShift = 21;

    /// <summary>The latest time a key orders by (year 2109); later and earlier-than-1970 times are clamped.</summary>
    private const long MaxKeyTime = (1L << 42) - 1;

    private const string EventIndexes = """
        CREATE UNIQUE INDEX IF NOT EXISTS events_tkey ON events(tkey);
        CREATE INDEX IF NOT EXISTS events_agency_tkey ON events(agency_id, tkey);
        CREATE INDEX IF NOT EXISTS events_host_tkey ON events(host, tkey);
        CREATE VIRTUAL TABLE IF NOT EXISTS events_text USING fts5(message, content='events', content_rowid='tkey', tokenize='unicode61');
        CREATE TRIGGER IF NOT EXISTS events_text_delete AFTER DELETE ON events BEGIN
            INSERT INTO events_text(events_text, rowid, message) VALUES ('delete', old.tkey, old.message);
        END;
        """;

    /// <summary>The smallest key of a time (Unix ms): the events of that millisecond have keys from here on.</summary>
    internal static long TimeKey(long unixMilliseconds) => Math.Clamp(unixMilliseconds, 0, MaxKeyTime) << TimeKeyShift;

    /// <summary>The first key after every event of a time (Unix ms), for "up to and including" bounds.</summary>
    internal static long TimeKeyAfter(long unixMilliseconds) =>
        unixMilliseconds >= MaxKeyTime ? long.MaxValue : TimeKey(unixMilliseconds + 1);

    private static void CreateEventTimeKeys(SqliteConnection connection)
    {
        if (!ColumnsOf(connection, "events").Contains("tkey"))
        {
            AddTimeKeys(connection);
        }

        using var create = Command(connection, null, EventIndexes);
        create.ExecuteNonQuery();
    }

    // A database from before time keys: key every stored event, drop the indexes on time and the full-text
    // index on arrival order. The full-text index is then rebuilt behind ingest from an empty watermark
    // (SqliteTextIndexer; a search that needs it first brings it up to date). One transaction: a crash
    // part way leaves the old database as it was. Minutes for 10 million events, once.
    private static void AddTimeKeys(SqliteConnection connection)
    {
        using var t = connection.BeginTransaction();
        using (var fill = Command(connection, t, $"""
            ALTER TABLE events ADD COLUMN tkey INTEGER;
            UPDATE events SET tkey = k.key FROM (
                SELECT seq, (ms << {TimeKeyShift}) + n AS key, n FROM (
                    SELECT seq, ms, row_number() OVER (PARTITION BY ms ORDER BY seq) - 1 AS n
                    FROM (SELECT seq, max(0, min(ts, {MaxKeyTime})) AS ms FROM events))) k
            WHERE events.seq = k.seq AND k.n < {1L << TimeKeyShift};
            DROP TRIGGER IF EXISTS events_fts_insert;
            DROP TRIGGER IF EXISTS events_fts_delete;
            DROP TABLE IF EXISTS events_fts;
            DROP INDEX IF EXISTS events_ts;
            DROP INDEX IF EXISTS events_agency_ts;
            DROP INDEX IF EXISTS events_host_ts;
            UPDATE text_index_state SET indexed_seq = 0;
            """))
        {
            fill.ExecuteNonQuery();
        }

        // More than 2 million events in one millisecond (a source stamping everything with one time): the
        // rest go after every key, still stored and found, out of time order.
        using (var overflow = Command(connection, t, """
            UPDATE events SET tkey = (SELECT max(tkey) FROM events) + k.n
            FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS n FROM events WHERE tkey IS NULL) k
            WHERE events.seq = k.seq
            """))
        {
            overflow.ExecuteNonQuery();
        }

        t.Commit();
    }
}
