using Microsoft.Data.Sqlite;
using Soc.Detection.Events;

namespace Soc.Console.Storage.Sqlite;

/// <summary>
/// Every event's <c>source.ip</c> also has a column, <c>source_ip</c>, with an index beside the time key:
/// analysts pivot on an address, and reading the field from each row's JSON costs ~7 µs (an address alone
/// took 21 s at 10 million events, a common word AND an address up to 10 s; bench/RESULTS.md). The column
/// holds the address as text, or <c>[</c> when the field is anything else (an array of addresses, a number):
/// a search by address takes those rows too and lets the JSON decide (SqliteQueryTranslator). The column is
/// filled by the writer from the event, not computed by SQLite from the JSON, which cost the single writer
/// ~5 µs per event (−17 % events/s) when it was an index over the JSON.
/// </summary>
public sealed partial class SqliteStore
{
    private const string SourceIpIndex =
        "CREATE INDEX IF NOT EXISTS events_source_ip_tkey ON events(source_ip, tkey) WHERE source_ip IS NOT NULL";

    /// <summary>The column's value for an event: its address, <c>[</c> for a value that is not text, or null.</summary>
    internal static string? SourceIpValue(LogEvent ev) =>
        ev.TryGet(EcsFields.SourceIp, out var value) ? value switch
        {
            null => null,
            string address => address,
            _ => "[",
        } : null;

    // A database from before the column: fill it from the stored JSON, in one transaction (a crash part way
    // leaves the database as it was). Measured on 10 million events: see docs/storage.md.
    private static void CreateSourceIpIndex(SqliteConnection connection)
    {
        if (!ColumnsOf(connection, "events").Contains("source_ip"))
        {
            using var t = connection.BeginTransaction();
            using var fill = Command(connection, t, """
                ALTER TABLE events ADD COLUMN source_ip TEXT;
                UPDATE events SET source_ip = CASE json_type(fields, '$."source.ip"') WHEN 'text' THEN json_extract(fields, '$."source.ip"') ELSE '[' END
                WHERE json_type(fields, '$."source.ip"') NOT IN ('null');
                """);
            fill.ExecuteNonQuery();
            t.Commit();
        }

        using var create = Command(connection, null, SourceIpIndex);
        create.ExecuteNonQuery();
    }
}
