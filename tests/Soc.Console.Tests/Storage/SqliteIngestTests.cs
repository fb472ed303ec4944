using Microsoft.Data.Sqlite;
using Soc.Console.Incidents;
using Soc.Console.Search;
using Soc.Console.Storage;
using Soc.Console.Tests.Support;
using static Soc.Console.Tests.Support.Events;

namespace Soc.Console.Tests.Storage;

/// <summary>
/// The SQLite store keeps one writer connection and its prepared insert across group commits; a group
/// that fails must leave nothing behind and must not break the commits after it.
/// </summary>
public sealed class SqliteIngestTests
{
    private static readonly IncidentPolicy Policy = new() { LookbackHours = 24, DedupeWindowSeconds = 600 };
    private static readonly EventQuery All = new(null, null, null, null);

    [Fact]
    public async Task AFailedGroupCommitStoresNothingAndTheNextGroupIsStored()
    {
        using var t = StoreKinds.Create("sqlite");
        await t.Store.AppendAsync([Batch("a", Event("e0", "before"))], Policy, CancellationToken.None);
        using (var c = t.Sqlite.Open())
        using (var trap = c.CreateCommand())
        {
            // A write failure half-way through a group, after the writer's insert statement was prepared.
            trap.CommandText = "CREATE TRIGGER trap BEFORE INSERT ON events WHEN new.id = 'boom' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;";
            trap.ExecuteNonQuery();
        }

        var ev = Event("e1", "sshd failure");
        await Assert.ThrowsAsync<SqliteException>(() => t.Store.AppendAsync(
            [BatchWithAlerts("a", (ev, [Alert(ev)])), Batch("b", Event("boom", "x"))], Policy, CancellationToken.None));

        Assert.Equal(1, await t.Store.CountEventsAsync(All, CancellationToken.None));
        Assert.Empty(await t.Store.ListIncidentsAsync(new IncidentFilter(null), CancellationToken.None));

        using (var c = t.Sqlite.Open())
        using (var untrap = c.CreateCommand())
        {
            untrap.CommandText = "DROP TRIGGER trap;";
            untrap.ExecuteNonQuery();
        }

        var results = await t.Store.AppendAsync(
            [BatchWithAlerts("a", (ev, [Alert(ev)])), Batch("b", Event("boom", "x"))], Policy, CancellationToken.None);
        Assert.Equal([new(1, 1, 0, 1), new(1, 1, 0, 0)], results);
        Assert.Equal(3, await t.Store.CountEventsAsync(All, CancellationToken.None));
        Assert.Single(await t.Store.ListIncidentsAsync(new IncidentFilter(null), CancellationToken.None));
    }

    [Fact]
    public async Task ManyGroupCommitsOnTheSameWriterStoreEachRecordOnce()
    {
        using var t = StoreKinds.Create("sqlite");
        for (var round = 0; round < 5; round++)
        {
            // Every round re-sends the previous round's records beside new ones.
            var events = new List<Soc.Detection.Events.LogEvent>();
            for (var i = Math.Max(0, (round - 1) * 10); i < (round + 1) * 10; i++)
            {
                events.Add(Event("r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "line " + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            var result = Assert.Single(await t.Store.AppendAsync([Batch("a", [.. events])], Policy, CancellationToken.None));
            Assert.Equal(10, result.Stored);
            Assert.Equal(round == 0 ? 0 : 10, result.Duplicates);
        }

        Assert.Equal(50, await t.Store.CountEventsAsync(All, CancellationToken.None));
        Assert.Equal(1, await t.Store.CountEventsAsync(new EventQuery(QueryParser.Parse("\"line 42\""), null, null, null), CancellationToken.None));
    }
}
