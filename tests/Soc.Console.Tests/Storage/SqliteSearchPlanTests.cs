using System.Globalization;
using Soc.Console.Incidents;
using Soc.Console.Search;
using Soc.Console.Storage;
using Soc.Console.Tests.Support;
using static Soc.Console.Tests.Support.Events;

namespace Soc.Console.Tests.Storage;

/// <summary>
/// A free-text term that matches many events switches the SQLite search to walking time order newest
/// first (SqliteQueryTranslator.NewestFirst). The plan changes; the answer must not: the same events in the
/// same order, page after page, for every kind of query that holds free text.
/// </summary>
public sealed class SqliteSearchPlanTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("\"Failed password\" AND host.name:web01")]
    [InlineData("sshd AND NOT root")]
    [InlineData("root OR kernel")]
    [InlineData("pass*")]
    [InlineData("message:password AND event.dataset:system.auth")]
    public async Task EveryPageIsTheSameWhicheverPlanIsChosen(string text)
    {
        using var t = StoreKinds.Create("sqlite");
        var random = new Random(3);
        string[] lines = ["sshd[1]: Failed password for root from 10.0.0.1", "sshd[2]: Accepted password for alice", "kernel: eth0 link up", "sshd[3]: session closed for root"];
        var events = Enumerable.Range(0, 400)
            .Select(i => Event("e" + i.ToString(CultureInfo.InvariantCulture), lines[random.Next(lines.Length)],
                Base.AddSeconds(random.Next(0, 3600)), host: random.Next(2) == 0 ? "web01" : "db01"))
            .ToArray();
        await t.Store.AppendAsync([Batch("a", events[..200]), Batch("b", events[200..])], new IncidentPolicy(), CancellationToken.None);
        await t.Sqlite.IndexTextBacklogAsync(10_000, CancellationToken.None);

        var sorted = await Pages(t.Sqlite, text);
        t.Sqlite.ManyTextMatches = 1; // every term counts as matching many events
        var walked = await Pages(t.Sqlite, text);

        Assert.NotEmpty(sorted);
        Assert.Equal(sorted, walked);
    }

    private static async Task<List<string>> Pages(Soc.Console.Storage.Sqlite.SqliteStore store, string text)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await store.SearchEventsAsync(new EventQuery(QueryParser.Parse(text), null, null, ["a", "b"], Limit: 25, Cursor: cursor), CancellationToken.None);
            ids.AddRange(page.Events.Select(e => e.Id));
            cursor = page.Cursor;
        }
        while (cursor is not null);
        return ids;
    }
}
