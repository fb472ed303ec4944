using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
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

    // Queries with an exact host or address (a pivot, SqliteStore.SearchPlan.cs) over 2,000 events, and what
    // should drive each: the pivot when it names few events and the text many, the text index otherwise.
    public static TheoryData<string, string> PivotQueries => new()
    {
        { "password AND host.name:bastion", "events_host_tkey" },
        { "host.name:bastion", "events_host_tkey" },
        { "source.ip:203.0.113.5", "events_source_ip_tkey" }, // alone, inside arrays too
        { "password AND source.ip:203.0.113.5", "events_source_ip_tkey" },
        { "sshd AND NOT root AND host.name:bastion AND event.dataset:system.auth", "events_host_tkey" },
        { "password AND source.ip:192.0.2.99", "events_source_ip_tkey" }, // no event has it
        { "password AND host.name:web01", "events_text" }, // half the events: the text drives
        { "\"link up\" AND source.ip:10.0.0.1", "events_text" }, // a rarer word than address: the text drives
    };

    [Theory]
    [MemberData(nameof(PivotQueries))]
    public async Task APivotDrivesOnlyWhenItNamesFewEventsAndFindsWhatAPlainReadingFinds(string text, string driver)
    {
        // With arrays of addresses among the events the address pivot also reads those (and sorts); without,
        // it reads the index in time order.
        foreach (var arrays in new[] { true, false })
        {
            await PivotFindsWhatAPlainReadingFinds(text, driver, arrays);
        }
    }

    private static async Task PivotFindsWhatAPlainReadingFinds(string text, string driver, bool arrays)
    {
        using var t = StoreKinds.Create("sqlite");
        var (events, stored) = await Fill(t.Store, 2_000, arrays);
        await t.Sqlite.IndexTextBacklogAsync(10_000, CancellationToken.None);

        Assert.Contains(driver, t.Sqlite.DescribePlan(new EventQuery(QueryParser.Parse(text), null, null, null)), StringComparison.Ordinal);
        var expected = Expected(events, stored, text, from: null, to: null);
        Assert.Equal(expected, await Pages(t.Sqlite, text, null, null));
        Assert.Equal(expected.Count, await Count(t.Sqlite, text, null, null, null));
        Assert.Equal(expected.Count, await Count(t.Sqlite, text, null, null, ["b"]) + await Count(t.Sqlite, text, null, null, ["a"]));

        // Within a time range (inclusive bounds at stored times) the same plan finds the same events.
        var (from, to) = (events[100].At, events[1_500].At);
        (from, to) = from < to ? (from, to) : (to, from);
        Assert.Equal(Expected(events, stored, text, from, to), await Pages(t.Sqlite, text, from, to));
    }

    [Fact]
    public async Task AnAddressInAnArrayIsFoundByThePivotAndFacetedPerElement()
    {
        using var t = StoreKinds.Create("sqlite");
        var (events, stored) = await Fill(t.Store, 2_000);
        var query = new EventQuery(QueryParser.Parse("source.ip:198.51.100.1"), null, null, null);

        var page = await t.Sqlite.SearchEventsAsync(query, CancellationToken.None);
        var expected = Expected(events, stored, "source.ip:198.51.100.1", null, null);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, page.Events.Select(e => e.Id));
        var facets = await t.Sqlite.FacetEventsAsync(query, ["source.ip"], 5, CancellationToken.None);
        var counts = facets.Fields["source.ip"].ToDictionary(v => v.Value, v => v.Count);
        Assert.Equal(expected.Count, counts["198.51.100.1"]);
        Assert.Equal(expected.Count, counts["203.0.113.5"]); // every such array holds both
    }

    [Fact]
    public async Task ADatabaseFromBeforeTheAddressColumnHasItFilledFromTheStoredFields()
    {
        using var database = new TempDatabase();
        using (var c = new SqliteConnection("Data Source=" + database.Path + ";Pooling=False"))
        {
            c.Open();
            using var old = c.CreateCommand();
            // The events table as time keys left it, without source_ip.
            old.CommandText = """
                CREATE TABLE events(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, agency_id TEXT NOT NULL, ts INTEGER NOT NULL,
                    dataset TEXT, host TEXT, message TEXT, original TEXT, fields TEXT NOT NULL, tkey INTEGER);
                INSERT INTO events(id, agency_id, ts, fields, tkey) VALUES
                    ('one', 'a', 1, '{"source.ip":"10.0.0.1"}', 1 << 21), ('many', 'a', 2, '{"source.ip":["10.0.0.2","10.0.0.1"]}', 2 << 21),
                    ('number', 'a', 3, '{"source.ip":7}', 3 << 21), ('none', 'a', 4, '{}', 4 << 21), ('null', 'a', 5, '{"source.ip":null}', 5 << 21);
                """;
            old.ExecuteNonQuery();
        }

        using var store = new SqliteStore(database.Path);
        using (var c = store.Open())
        using (var read = c.CreateCommand())
        {
            read.CommandText = "SELECT id, coalesce(source_ip, '-') FROM events ORDER BY seq";
            using var r = read.ExecuteReader();
            var columns = new List<string>();
            while (r.Read())
            {
                columns.Add(r.GetString(0) + "=" + r.GetString(1));
            }

            Assert.Equal(["one=10.0.0.1", "many=[", "number=[", "none=-", "null=-"], columns);
        }

        async Task<string[]> Find(string text) =>
            [.. (await store.SearchEventsAsync(new EventQuery(QueryParser.Parse(text), null, null, null), CancellationToken.None)).Events.Select(e => e.Id)];
        Assert.Equal(["many", "one"], await Find("source.ip:10.0.0.1"));
        Assert.Equal(["many"], await Find("source.ip:10.0.0.2"));
        Assert.Equal(["number"], await Find("source.ip:7"));
        Assert.Contains("events_source_ip_tkey", store.DescribePlan(new EventQuery(QueryParser.Parse("source.ip:10.0.0.1"), null, null, null)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotAFieldValueKeepsEventsWithoutTheField()
    {
        using var t = StoreKinds.Create("sqlite");
        var bare = Event("bare", "sshd session opened", Base, host: null!);
        bare.Remove(EcsFields.HostName);
        await t.Store.AppendAsync([Batch("a", bare, Event("full", "sshd session opened", Base.AddSeconds(1), "web01", "10.0.0.1"))], new IncidentPolicy(), CancellationToken.None);

        foreach (var text in (string[])["sshd AND NOT host.name:web01", "sshd AND NOT source.ip:10.0.0.1", "NOT host.name:web01", "NOT source.ip:10.0.0.1"])
        {
            var page = await t.Sqlite.SearchEventsAsync(new EventQuery(QueryParser.Parse(text), null, null, null), CancellationToken.None);
            Assert.Equal(["bare"], page.Events.Select(e => e.Id));
        }
    }

    private sealed record Stored(string Id, string Message, DateTimeOffset At, string Host, string[] SourceIps);

    // Events over an hour in random order (some sharing a second), in two agencies and two batches. A few
    // (about 1 in 200) come from host "bastion", or from 203.0.113.5, or hold the array
    // [198.51.100.1, 203.0.113.5] (without arrays: 203.0.113.5); half come from 10.0.0.x; the rest have no address.
    private static async Task<(List<Stored> Events, Dictionary<string, int> Order)> Fill(ISocStore store, int count = 400, bool arrays = true)
    {
        var random = new Random(3);
        var events = Enumerable.Range(0, count)
            .Select(i => new Stored("e" + i.ToString(CultureInfo.InvariantCulture), Lines[random.Next(Lines.Length)],
                Base.AddSeconds(random.Next(0, 3600)), random.Next(200) == 0 ? "bastion" : random.Next(2) == 0 ? "web01" : "db01",
                random.Next(200) switch
                {
                    0 => ["203.0.113.5"],
                    1 => arrays ? ["198.51.100.1", "203.0.113.5"] : ["203.0.113.5"],
                    < 100 => ["10.0.0." + random.Next(4).ToString(CultureInfo.InvariantCulture)],
                    _ => [],
                }))
            .ToList();
        LogEvent[] Logs(IEnumerable<Stored> s) => [.. s.Select(e =>
        {
            var ev = Event(e.Id, e.Message, e.At, host: e.Host, sourceIp: e.SourceIps.Length == 1 ? e.SourceIps[0] : null);
            if (e.SourceIps.Length > 1)
            {
                ev.Set(EcsFields.SourceIp, e.SourceIps.ToList());
            }

            return ev;
        })];
        await store.AppendAsync([Batch("a", Logs(events.Take(count / 2))), Batch("b", Logs(events.Skip(count / 2)))], new IncidentPolicy(), CancellationToken.None);
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
        TermNode { Field: "source.ip" } term => e.SourceIps.Contains(term.Value),
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
