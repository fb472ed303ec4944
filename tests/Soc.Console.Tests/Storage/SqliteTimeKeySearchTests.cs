using System.Globalization;
using System.Text.RegularExpressions;
using Soc.Console.Incidents;
using Soc.Console.Search;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;
using Soc.Console.Tests.Support;
using Soc.Detection.Events;
using static Soc.Console.Tests.Support.Events;

namespace Soc.Console.Tests.Storage;

/// <summary>
/// The SQLite search reads free text from the full-text index newest first, by time key
/// (SqliteStore.TimeKey.cs), and the rest of a query row by row. Events here arrive in no time order, as
/// a backfill does; every page must hold what a plain reading of the query over the events says, newest
/// first (same millisecond: last stored first), with nothing skipped or repeated across pages.
/// </summary>
public sealed partial class SqliteTimeKeySearchTests
{
    private static readonly string[] Lines =
    [
        "sshd[1]: Failed password for root from 10.0.0.1",
        "sshd[2]: Accepted password for alice",
        "kernel: eth0 link up",
        "sshd[3]: session closed for root",
        "CRON[4]: pam_unix(cron:session): session opened for user root",
    ];

    public static TheoryData<string> Queries =>
    [
        "password",
        "\"Failed password\" AND host.name:web01",
        "sshd AND NOT root",
        "root OR kernel",
        "pass*",
        "message:password AND event.dataset:system.auth",
        "NOT root",
        "kernel OR host.name:db01",
        "(sshd OR CRON) AND NOT (password OR alice) AND host.name:db01",
        "session AND (root OR alice)",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task EveryPageHoldsTheNewestMatchesInTimeOrder(string text)
    {
        using var t = StoreKinds.Create("sqlite");
        var (events, stored) = await Fill(t.Store);
        await t.Sqlite.IndexTextBacklogAsync(10_000, CancellationToken.None);

        var expected = Expected(events, stored, text, from: null, to: null);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await Pages(t.Sqlite, text, null, null));
        Assert.Equal(expected.Count, await Count(t.Sqlite, text, null, null, null)); // text alone: counted by the index
        Assert.Equal(expected.Count, await Count(t.Sqlite, text, null, null, ["a", "b"])); // counted from the rows
    }

    [Theory]
    [InlineData("password")]
    [InlineData("sshd AND NOT root")]
    [InlineData("host.name:web01")]
    public async Task ATimeRangeKeepsEventsAtItsBoundsAndNothingOutside(string text)
    {
        using var t = StoreKinds.Create("sqlite");
        var (events, stored) = await Fill(t.Store);
        // Bounds at the times of matching events: both are inclusive.
        var all = Expected(events, stored, text, null, null).Select(id => events.Single(e => e.Id == id).At).ToList();
        var (from, to) = (all[all.Count * 3 / 4], all[all.Count / 4]);

        var expected = Expected(events, stored, text, from, to);
        Assert.Contains(expected, id => events.Single(e => e.Id == id).At == from);
        Assert.Contains(expected, id => events.Single(e => e.Id == id).At == to);
        Assert.True(expected.Count < all.Count / 2 + 5);
        Assert.Equal(expected, await Pages(t.Sqlite, text, from, to));
        Assert.Equal(expected.Count, await Count(t.Sqlite, text, from, to, null));
    }

    [Fact]
    public async Task EventsOfOneMillisecondStoredAcrossARestartAreAllKeptAndFound()
    {
        // A reopened store counts the events of a millisecond from zero again, so its first keys are taken.
        using var database = new TempDatabase();
        var path = database.Path;
        foreach (var round in new[] { "first", "second" })
        {
            using var store = new SqliteStore(path);
            var same = Enumerable.Range(0, 3).Select(i => Event($"{round}{i}", $"sshd {round} {i}", Base)).ToArray();
            var result = (await store.AppendAsync([Batch("a", same)], new IncidentPolicy(), CancellationToken.None))[0];
            Assert.Equal(3, result.Stored);
            // Sent again: still stored once, even though its key would now be taken too.
            Assert.Equal(3, (await store.AppendAsync([Batch("a", same)], new IncidentPolicy(), CancellationToken.None))[0].Duplicates);
        }

        using var reopened = new SqliteStore(path);
        var page = await reopened.SearchEventsAsync(new EventQuery(QueryParser.Parse("sshd"), null, null, null), CancellationToken.None);
        Assert.Equal(["second2", "second1", "second0", "first2", "first1", "first0"], page.Events.Select(e => e.Id));
    }

    private sealed record Stored(string Id, string Message, DateTimeOffset At, string Host);

    // 400 events over an hour in random order (some sharing a second), in two agencies and two batches.
    private static async Task<(List<Stored> Events, Dictionary<string, int> Order)> Fill(ISocStore store)
    {
        var random = new Random(3);
        var events = Enumerable.Range(0, 400)
            .Select(i => new Stored("e" + i.ToString(CultureInfo.InvariantCulture), Lines[random.Next(Lines.Length)],
                Base.AddSeconds(random.Next(0, 3600)), random.Next(2) == 0 ? "web01" : "db01"))
            .ToList();
        LogEvent[] Logs(IEnumerable<Stored> s) => [.. s.Select(e => Event(e.Id, e.Message, e.At, host: e.Host))];
        await store.AppendAsync([Batch("a", Logs(events.Take(200))), Batch("b", Logs(events.Skip(200)))], new IncidentPolicy(), CancellationToken.None);
        return (events, events.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i));
    }

    // The query read plainly: words are unicode61 tokens (lower case letters and digits), a phrase is
    // tokens in a row, a trailing * a prefix.
    private static List<string> Expected(List<Stored> events, Dictionary<string, int> order, string text, DateTimeOffset? from, DateTimeOffset? to)
    {
        var query = QueryParser.Parse(text)!;
        return [.. events
            .Where(e => (from is null || e.At >= from) && (to is null || e.At <= to) && Matches(query, e))
            .OrderByDescending(e => e.At).ThenByDescending(e => order[e.Id])
            .Select(e => e.Id)];
    }

    private static bool Matches(QueryNode node, Stored e) => node switch
    {
        AndNode and => and.Parts.All(p => Matches(p, e)),
        OrNode or => or.Parts.Any(p => Matches(p, e)),
        NotNode not => !Matches(not.Inner, e),
        TermNode { Field: "host.name" } term => e.Host == term.Value,
        TermNode { Field: "event.dataset" } term => term.Value == "system.auth",
        TermNode term => HasWords(e.Message, term.Value),
        _ => throw new NotSupportedException(node.ToString()),
    };

    private static bool HasWords(string message, string value)
    {
        var words = Words().Split(message.ToLowerInvariant()).Where(w => w.Length > 0).ToList();
        if (value.EndsWith('*'))
        {
            return words.Any(w => w.StartsWith(value[..^1].ToLowerInvariant(), StringComparison.Ordinal));
        }

        var wanted = Words().Split(value.ToLowerInvariant()).Where(w => w.Length > 0).ToList();
        return Enumerable.Range(0, words.Count - wanted.Count + 1).Any(i => words.Skip(i).Take(wanted.Count).SequenceEqual(wanted));
    }

    private static Task<long> Count(SqliteStore store, string text, DateTimeOffset? from, DateTimeOffset? to, string[]? scope) =>
        store.CountEventsAsync(new EventQuery(QueryParser.Parse(text), from, to, scope), CancellationToken.None);

    private static async Task<List<string>> Pages(SqliteStore store, string text, DateTimeOffset? from, DateTimeOffset? to)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await store.SearchEventsAsync(new EventQuery(QueryParser.Parse(text), from, to, ["a", "b"], Limit: 25, Cursor: cursor), CancellationToken.None);
            ids.AddRange(page.Events.Select(e => e.Id));
            cursor = page.Cursor;
        }
        while (cursor is not null);
        return ids;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Words();
}
