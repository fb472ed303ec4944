using Microsoft.Data.Sqlite;
using Soc.Console.Incidents;
using Soc.Console.Search;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;
using Soc.Console.Tests.Support;
using static Soc.Console.Tests.Support.Events;

namespace Soc.Console.Tests.Storage;

/// <summary>
/// Messages reach the SQLite full-text index behind the ingest commits (SqliteStore.TextIndex.cs). An analyst
/// must still find an acknowledged event at once, a retention purge must not corrupt the index, and a
/// database made while a trigger indexed every insert must keep working.
/// </summary>
public sealed class SqliteTextIndexTests
{
    private static readonly IncidentPolicy Policy = new();
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AFreeTextSearchFindsEventsTheIndexerHasNotReachedYet()
    {
        using var t = StoreKinds.Create("sqlite");
        await t.Store.AppendAsync([Batch("a", Event("e1", "Failed password for root"), Event("e2", "Accepted publickey for deploy"))], Policy, None);
        Assert.Equal(2, t.Sqlite.TextIndexBacklog());

        var found = await t.Store.SearchEventsAsync(new EventQuery(QueryParser.Parse("password"), null, null, null), None);

        Assert.Equal(["e1"], found.Events.Select(e => e.Id));
        Assert.Equal(0, t.Sqlite.TextIndexBacklog());
        Assert.Equal(1, await t.Store.CountEventsAsync(new EventQuery(QueryParser.Parse("publickey"), null, null, null), None));
    }

    [Fact]
    public async Task TheIndexerIndexesInChunksAndStopsWhenCaughtUp()
    {
        using var t = StoreKinds.Create("sqlite");
        await t.Store.AppendAsync([Batch("a", [.. Enumerable.Range(0, 5).Select(i => Event("e" + i, "message number " + i))])], Policy, None);

        Assert.Equal(3, await t.Sqlite.IndexTextBacklogAsync(3, None));
        Assert.Equal(2, t.Sqlite.TextIndexBacklog());
        Assert.Equal(2, await t.Sqlite.IndexTextBacklogAsync(3, None));
        Assert.Equal(0, await t.Sqlite.IndexTextBacklogAsync(3, None));
        AssertIndexIntact(t.Sqlite);
    }

    [Fact]
    public async Task APurgeOfEventsNotYetIndexedLeavesTheIndexIntact()
    {
        using var t = StoreKinds.Create("sqlite");
        await t.Store.AppendAsync([Batch("a", Event("old1", "ancient login", Base.AddDays(-400)), Event("new1", "recent login", Base))], Policy, None);

        Assert.Equal(1, await t.Store.PurgeEventsAsync("a", Base.AddDays(-30), None));
        await t.Store.AppendAsync([Batch("a", Event("new2", "another login", Base))], Policy, None);

        var found = await t.Store.SearchEventsAsync(new EventQuery(QueryParser.Parse("login"), null, null, null), None);
        Assert.Equal(["new1", "new2"], found.Events.Select(e => e.Id).Order());
        AssertIndexIntact(t.Sqlite);
    }

    [Fact]
    public async Task ADatabaseFromBeforeTimeKeysIsKeyedAndReindexed()
    {
        using var database = new TempDatabase();
        var path = database.Path;
        using (var c = new SqliteConnection("Data Source=" + path + ";Pooling=False"))
        {
            c.Open();
            using var old = c.CreateCommand();
            // The shape of the events table and its trigger before the indexer existed.
            old.CommandText = """
                CREATE TABLE events(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, agency_id TEXT NOT NULL, ts INTEGER NOT NULL,
                    dataset TEXT, host TEXT, message TEXT, original TEXT, fields TEXT NOT NULL);
                CREATE VIRTUAL TABLE events_fts USING fts5(message, content='events', content_rowid='seq', tokenize='unicode61');
                CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
                    INSERT INTO events_fts(rowid, message) VALUES (new.seq, new.message);
                END;
                INSERT INTO events(id, agency_id, ts, message, fields) VALUES ('legacy1', 'a', 1000, 'legacy sshd failure', '{}');
                INSERT INTO events(id, agency_id, ts, message, fields) VALUES ('legacy2', 'a', 500, 'older sshd failure', '{}');
                INSERT INTO events(id, agency_id, ts, message, fields) VALUES ('legacy3', 'a', 500, 'older sshd failure again', '{}');
                """;
            old.ExecuteNonQuery();
        }

        using var store = new SqliteStore(path);
        // Its old index was by arrival; the new one, by time key, is filled behind ingest from the start.
        Assert.Equal(3, store.TextIndexBacklog());
        await store.AppendAsync([Batch("a", Event("fresh1", "fresh sshd failure"))], Policy, None);
        Assert.Equal(4, store.TextIndexBacklog()); // the trigger is gone: new rows wait for the indexer

        // Newest first by time, not by arrival; the two of one millisecond, last stored first.
        var found = await store.SearchEventsAsync(new EventQuery(QueryParser.Parse("sshd"), null, null, null), None);
        Assert.Equal(["fresh1", "legacy1", "legacy3", "legacy2"], found.Events.Select(e => e.Id));
        var early = await store.SearchEventsAsync(new EventQuery(null, DateTimeOffset.FromUnixTimeMilliseconds(0), DateTimeOffset.FromUnixTimeMilliseconds(600), null), None);
        Assert.Equal(["legacy3", "legacy2"], early.Events.Select(e => e.Id));
        AssertIndexIntact(store);
    }

    // FTS5's own check: every index entry matches the content table (throws SQLITE_CORRUPT_VTAB otherwise).
    private static void AssertIndexIntact(SqliteStore store)
    {
        using var c = store.Open();
        using var check = c.CreateCommand();
        check.CommandText = "INSERT INTO events_text(events_text, rank) VALUES ('integrity-check', 1)";
        check.ExecuteNonQuery();
    }
}
