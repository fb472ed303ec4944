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
        INSERT INTO events(id, agency_id, ts, dataset, host, message, original, fields)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(id) DO NOTHING
        """;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public EventInsert(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("the writer connection is not open");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, Sql, out _statement), _db);
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
            var rc = raw.sqlite3_step(s);
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

    public void Dispose() => _statement.Dispose();

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
