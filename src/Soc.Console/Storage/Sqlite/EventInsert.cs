using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Soc.Console.Storage.Sqlite;

/// <summary>
/// The event insert of the ingest path, prepared once on the writer connection and driven through
/// SQLitePCLRaw directly: every value is bound from UTF-8 bytes made before the write lock, so the single
/// writer does no string conversion and none of Microsoft.Data.Sqlite's per-execution work (a reader, a
/// statement enumerator, parameter lookups). Runs inside the transaction the connection has open.
/// </summary>
internal sealed class EventInsert : IDisposable
{
    private const string Sql = """
        INSERT INTO events(id, agency_id, ts, dataset, host, message, original, fields, tkey, source_ip)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT(id) DO NOTHING
        """;

    // The last key in use within a millisecond, and the last key of all (SqliteStore.TimeKey.cs).
    private const string LastKeySql = "SELECT coalesce(max(tkey), ?1 - 1) FROM events WHERE tkey >= ?1 AND tkey < ?2";
    private const string LastKeyOfAllSql = "SELECT coalesce(max(tkey), 0) FROM events";
    private const long SameMillisecondMask = (1L << SqliteStore.TimeKeyShift) - 1;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly sqlite3_stmt _lastKey;
    private readonly sqlite3_stmt _lastKeyOfAll;

    // Tells apart the events of one millisecond. Two events get the same key only when they share a
    // millisecond and a counter value (a restart, a backfill of old times); the second then takes the key
    // after the last one of that millisecond.
    private long _counter;

    public EventInsert(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("the writer connection is not open");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, Sql, out _statement), _db);
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, LastKeySql, out _lastKey), _db);
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, LastKeyOfAllSql, out _lastKeyOfAll), _db);
    }

    /// <summary>Inserts one event for an agency (UTF-8 id); false when its record id is already stored.</summary>
    public bool Run(byte[] agency, SqliteStore.EventRow row)
    {
        var s = _statement;
        try
        {
            Check(raw.sqlite3_bind_text(s, 1, row.Id));
            Check(raw.sqlite3_bind_text(s, 2, agency));
            Check(raw.sqlite3_bind_int64(s, 3, row.Timestamp));
            Check(BindText(s, 4, row.Dataset));
            Check(BindText(s, 5, row.Host));
            Check(BindText(s, 6, row.Message));
            Check(BindText(s, 7, row.Original));
            // The JSON is text: bound as UTF-8 text, so json_extract and the API read it as before.
            Check(raw.sqlite3_bind_text(s, 8, row.Fields));
            var first = SqliteStore.TimeKey(row.Timestamp);
            Check(raw.sqlite3_bind_int64(s, 9, first + (_counter++ & SameMillisecondMask)));
            Check(BindText(s, 10, row.SourceIp));
            var rc = raw.sqlite3_step(s);
            if (rc == raw.SQLITE_CONSTRAINT && raw.sqlite3_extended_errcode(_db) == raw.SQLITE_CONSTRAINT_UNIQUE && raw.sqlite3_errmsg(_db).utf8_to_string().Contains("events.tkey", StringComparison.Ordinal))
            {
                // The key is taken: use the one after the millisecond's last (or after every key, when
                // 2 million events already share the millisecond). A re-sent record that also met a taken
                // key is then ignored as its id says.
                raw.sqlite3_reset(s);
                Check(raw.sqlite3_bind_int64(s, 9, FreeKey(first)));
                rc = raw.sqlite3_step(s);
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }

            return raw.sqlite3_changes(_db) > 0;
        }
        finally
        {
            raw.sqlite3_reset(s);
        }
    }

    private long FreeKey(long first)
    {
        var end = first + SameMillisecondMask + 1;
        var last = Scalar(_lastKey, first, end);
        return last + 1 < end ? last + 1 : Scalar(_lastKeyOfAll, 0, 0) + 1;
    }

    private long Scalar(sqlite3_stmt statement, long from, long to)
    {
        try
        {
            if (raw.sqlite3_bind_parameter_count(statement) > 0)
            {
                Check(raw.sqlite3_bind_int64(statement, 1, from));
                Check(raw.sqlite3_bind_int64(statement, 2, to));
            }

            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }

            return raw.sqlite3_column_int64(statement, 0);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    public void Dispose()
    {
        _statement.Dispose();
        _lastKey.Dispose();
        _lastKeyOfAll.Dispose();
    }

    private static int BindText(sqlite3_stmt statement, int index, byte[]? utf8) =>
        utf8 is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text(statement, index, utf8);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
