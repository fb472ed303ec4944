using Soc.Console.Incidents;
using Soc.Console.Search;
using Soc.Console.Storage;
using Soc.Console.Tests.Support;
using Soc.Console.Web.Data;
using static Soc.Console.Tests.Support.Events;

namespace Soc.Console.Tests.Storage;

/// <summary>
/// The console's reads (<see cref="IConsoleReads"/>, docs/storage.md) against every store in
/// <see cref="StoreKinds.All"/>: SQLite always, Elasticsearch when SOC_ELASTICSEARCH_URL is set.
/// Events are placed minutes before the real clock, because incidents are stamped detected "now".
/// </summary>
public sealed class ConsoleReadsContractTests
{
    private static readonly IncidentPolicy Policy = new() { LookbackHours = 24, DedupeWindowSeconds = 600 };
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<string> Kinds => StoreKinds.All;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task FacetsCountEveryMatchingEventNotOnlyThePageShown(string kind)
    {
        using var t = StoreKinds.Create(kind);
        var now = DateTimeOffset.UtcNow;
        var events = new List<Soc.Detection.Events.LogEvent>();
        for (var i = 0; i < 300; i++)
        {
            var host = i % 6 == 0 ? "web03" : i % 2 == 0 ? "web02" : "web01"; // 50, 100, 150
            events.Add(Event("f" + i, "Failed password for root", now.AddSeconds(-i - 10), host, "203.0.113." + (i % 3)));
        }

        for (var i = 0; i < 20; i++)
        {
            events.Add(Event("other" + i, "GET / 200", now.AddSeconds(-i - 10), "proxy1", "192.0.2.1", dataset: "nginx.access"));
        }

        await t.Store.AppendAsync([Batch("a", [.. events])], Policy, None);
        var query = new EventQuery(QueryParser.Parse("event.dataset:system.auth"), now.AddHours(-1), null, null, Limit: 50);

        var page = await t.Store.SearchEventsAsync(query, None);
        var facets = await Reads(t).FacetEventsAsync(query, ["host.name", "source.ip", "event.dataset", "event.category", "user.name"], 6, None);

        Assert.Equal(50, page.Events.Count);
        Assert.Null(facets.SampledNewest);
        Assert.Equal([("web01", 150L), ("web02", 100L), ("web03", 50L)], facets.Fields["host.name"].Select(v => (v.Value, v.Count)));
        Assert.Equal(300, facets.Fields["source.ip"].Sum(v => v.Count));
        Assert.Equal(3, facets.Fields["source.ip"].Count);
        Assert.Equal([("system.auth", 300L)], facets.Fields["event.dataset"].Select(v => (v.Value, v.Count)));
        Assert.Equal([("authentication", 300L)], facets.Fields["event.category"].Select(v => (v.Value, v.Count))); // an array field: its elements
        Assert.False(facets.Fields.ContainsKey("user.name")); // no event has it
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task FacetsKeepTheAgencyScope(string kind)
    {
        using var t = StoreKinds.Create(kind);
        var now = DateTimeOffset.UtcNow;
        await t.Store.AppendAsync([Batch("a", Event("a1", "x", now.AddMinutes(-1), "a-host")), Batch("b", Event("b1", "x", now.AddMinutes(-1), "b-host"), Event("b2", "y", now.AddMinutes(-2), "b-host"))], Policy, None);

        var facets = await Reads(t).FacetEventsAsync(new EventQuery(null, null, null, ["a"]), ["host.name"], 6, None);
        var none = await Reads(t).FacetEventsAsync(new EventQuery(null, null, null, []), ["host.name"], 6, None);

        Assert.Equal([("a-host", 1L)], facets.Fields["host.name"].Select(v => (v.Value, v.Count)));
        Assert.Empty(none.Fields);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AnAgencyViewersDashboardCountsOnlyItsOwnAgency(string kind)
    {
        using var t = StoreKinds.Create(kind);
        var now = DateTimeOffset.UtcNow;
        t.Sqlite.AddAgency("a", "Agency A", null);
        t.Sqlite.AddAgency("b", "Agency B", null);
        await AlertsAsync(t, "a", now, ("198.51.100.1", "rule-a"), ("198.51.100.2", "rule-a"), ("198.51.100.3", "rule-a"));
        await AlertsAsync(t, "b", now, ("203.0.113.1", "rule-b"), ("203.0.113.2", "rule-b"));
        var incident = (await t.Store.ListIncidentsAsync(new IncidentFilter(["a"], Sort: "+id"), None))[0];
        await t.Store.UpdateIncidentAsync(incident.Id, incident.Version, new IncidentChange(Status: IncidentStatuses.Acknowledged), "alice", None);

        var mine = await Reads(t).DashboardAsync(["a"], now, None);
        var all = await Reads(t).DashboardAsync(null, now, None);
        var nothing = await Reads(t).DashboardAsync([], now, None);

        Assert.Equal(3, mine.AlertsPerHour.Sum(b => b.Count));
        Assert.Equal(3, mine.IncidentsPerDay.Sum(b => b.Count));
        Assert.Equal(["a"], mine.TopAgencies.Select(x => x.Name));
        Assert.Equal(["198.51.100.1", "198.51.100.2", "198.51.100.3"], mine.TopSourceIps.Select(x => x.Name).Order(StringComparer.Ordinal));
        Assert.Equal(3, mine.OpenIncidents);
        Assert.NotNull(mine.MeanTimeToAcknowledge);
        Assert.Equal(3, Assert.Single(mine.Feeds, f => f.Events24h > 0).Events24h);
        Assert.DoesNotContain(mine.Feeds, f => f.AgencyId == "b");

        Assert.Equal(5, all.AlertsPerHour.Sum(b => b.Count));
        Assert.Equal(5, all.OpenIncidents);
        Assert.Equal(["a", "b"], all.TopAgencies.Select(x => x.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, nothing.AlertsPerHour.Sum(b => b.Count));
        Assert.Empty(nothing.TopSourceIps);
        Assert.Null(nothing.MeanTimeToAcknowledge);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task RuleHitsCountFoldedRepeatsWithinTheScope(string kind)
    {
        using var t = StoreKinds.Create(kind);
        var now = DateTimeOffset.UtcNow;
        // Same agency, rule, host and source within the dedupe window: one alert row with count 2.
        await AlertsAsync(t, "a", now, ("198.51.100.9", "rule-x"), ("198.51.100.9", "rule-x"));
        await AlertsAsync(t, "b", now, ("203.0.113.9", "rule-x"), ("203.0.113.10", "rule-y"));

        var mine = await Reads(t).RuleHitsAsync(["a"], now.AddHours(-1), None);
        var all = await Reads(t).RuleHitsAsync(null, now.AddHours(-1), None);
        var later = await Reads(t).RuleHitsAsync(null, now.AddMinutes(1), None);

        Assert.Equal(new Dictionary<string, long> { ["rule-x"] = 2 }, mine);
        Assert.Equal(new Dictionary<string, long> { ["rule-x"] = 3, ["rule-y"] = 1 }, all);
        Assert.Empty(later);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task TheQueueCountsEveryStatusAndPagesWithinTheScope(string kind)
    {
        using var t = StoreKinds.Create(kind);
        var now = DateTimeOffset.UtcNow;
        await AlertsAsync(t, "a", now, ("198.51.100.1", "rule-a"), ("198.51.100.2", "rule-a"), ("198.51.100.3", "rule-b"));
        await AlertsAsync(t, "b", now, ("203.0.113.1", "rule-c"));
        var first = (await t.Store.ListIncidentsAsync(new IncidentFilter(["a"], Sort: "+id"), None))[0];
        await t.Store.UpdateIncidentAsync(first.Id, first.Version, new IncidentChange(Status: IncidentStatuses.Acknowledged, Assignee: "alice"), "alice", None);
        var reads = Reads(t);

        var open = await reads.QueryQueueAsync(["a"], null, new QueueFilter { PageSize = 2 }, None);
        var acknowledged = await reads.QueryQueueAsync(["a"], null, new QueueFilter { Statuses = [IncidentStatuses.Acknowledged] }, None);
        var unassigned = await reads.QueryQueueAsync(["a"], null, new QueueFilter { Assignee = "-" }, None);
        var onlyB = await reads.QueryQueueAsync(null, ["b"], new QueueFilter(), None);
        var bOutsideScope = await reads.QueryQueueAsync(["a"], ["b"], new QueueFilter(), None);

        Assert.Equal((3, 2), (open.Total, open.Rows.Count));
        Assert.Equal(2, open.StatusCounts[IncidentStatuses.New]);
        Assert.Equal(1, open.StatusCounts[IncidentStatuses.Acknowledged]);
        Assert.Equal(first.Id, Assert.Single(acknowledged.Rows).Id);
        Assert.Equal(2, acknowledged.StatusCounts[IncidentStatuses.New]);
        Assert.Equal(2, unassigned.Total);
        Assert.Equal("b", Assert.Single(onlyB.Rows).AgencyId);
        Assert.Equal(0, bOutsideScope.Total);
        Assert.Equal(["rule-a", "rule-b"], (await reads.IncidentRulesAsync(["a"], None)).Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["a"], await reads.DistinctIncidentValuesAsync(["a"], "agency", None));
        Assert.Equal(["alice"], await reads.DistinctIncidentValuesAsync(null, "assignee", None));
        Assert.Equal(["unauthorised-access"], await reads.DistinctIncidentValuesAsync(["a"], "category", None));
    }

    private static IConsoleReads Reads(TestStore t) => Assert.IsAssignableFrom<IConsoleReads>(t.Store);

    /// <summary>One event with one alert per (source address, rule), a minute apart, ending a minute before <paramref name="now"/>.</summary>
    private static async Task AlertsAsync(TestStore t, string agency, DateTimeOffset now, params (string SourceIp, string Rule)[] alerts)
    {
        var items = new List<(Soc.Detection.Events.LogEvent, Soc.Detection.Engine.Alert[])>();
        for (var i = 0; i < alerts.Length; i++)
        {
            var ev = Event($"{agency}-{alerts[i].Rule}-{Guid.NewGuid():N}", "Failed password for root", now.AddMinutes(-alerts.Length + i - 1), "web01", alerts[i].SourceIp);
            items.Add((ev, [Alert(ev, alerts[i].Rule)]));
        }

        await t.Store.AppendAsync([BatchWithAlerts(agency, [.. items])], Policy, None);
    }
}
