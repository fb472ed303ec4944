using Microsoft.Data.Sqlite;

namespace Soc.Console.Storage.Sqlite;

/// <summary>
/// The full-text index over event messages is filled behind the ingest commits, in bulk: events up to
/// <c>text_index_state.indexed_seq</c> are in <c>events_text</c>, later ones wait for
/// <see cref="SqliteTextIndexer"/> (about a second). A search that uses free text first brings the index up
/// to date, so a search never misses an acknowledged event; a retention purge does the same before it
/// deletes, because the delete trigger removes index entries and must only meet rows that have them.
/// </summary>
public sealed partial class SqliteStore
{
    /// <summary>Indexes up to <paramref name="maxEvents"/> waiting messages; returns how many it indexed.</summary>
    public Task<int> IndexTextBacklogAsync(int maxEvents, CancellationToken cancellationToken) =>
        WriteAsync((c, t) => IndexTextBacklog(c, t, maxEvents), cancellationToken);

    /// <summary>Events stored but not yet in the full-text index (for /metrics and tests).</summary>
    public long TextIndexBacklog()
    {
        using var c = Open();
        using var q = Command(c, null, "SELECT coalesce((SELECT max(seq) FROM events), 0) - (SELECT indexed_seq FROM text_index_state)");
        return Math.Max(0, (long)q.ExecuteScalar()!);
    }

    private static int IndexTextBacklog(SqliteConnection c, SqliteTransaction t, int maxEvents)
    {
        using var state = Command(c, t, "SELECT indexed_seq FROM text_index_state");
        var from = (long)state.ExecuteScalar()!;
        using var end = Command(c, t, "SELECT max(seq) FROM (SELECT seq FROM events WHERE seq > $from ORDER BY seq LIMIT $max)");
        end.Parameters.AddWithValue("$from", from);
        end.Parameters.AddWithValue("$max", maxEvents);
        if (end.ExecuteScalar() is not long upTo)
        {
            return 0;
        }

        // In key order: FTS5 writes out its pending entries whenever a row id is lower than the last one, so
        // events stored out of time order (a backfill) would otherwise make a small segment each.
        using var index = Command(c, t, """
            INSERT INTO events_text(rowid, message) SELECT tkey, message FROM events WHERE seq > $from AND seq <= $upTo ORDER BY tkey;
            UPDATE text_index_state SET indexed_seq = $upTo;
            """);
        index.Parameters.AddWithValue("$from", from);
        index.Parameters.AddWithValue("$upTo", upTo);
        index.ExecuteNonQuery();
        return (int)(upTo - from);
    }

    // Under the write lock, inside the caller's transaction: index everything before rows are deleted.
    private static void IndexAllText(SqliteConnection c, SqliteTransaction t)
    {
        while (IndexTextBacklog(c, t, 100_000) > 0)
        {
        }
    }

    // Called by searches whose conditions use the full-text index.
    private void CatchUpTextIndex(IEnumerable<string> conditions)
    {
        if (!conditions.Any(w => w.Contains("events_text", StringComparison.Ordinal)) || TextIndexBacklog() == 0)
        {
            return;
        }

        Write((c, t) =>
        {
            IndexAllText(c, t);
            return 0;
        });
    }
}
