using Soc.Console.Incidents;
using Soc.Console.Search;
using Soc.Console.Storage;
using Soc.Console.Tests.Support;
using static Soc.Console.Tests.Support.Events;

namespace Soc.Console.Tests.Storage;

/// <summary>
/// The storage contract (docs/storage.md), run against every store in <see cref="StoreKinds.All"/>:
/// SQLite in every run, Elasticsearch when SOC_ELASTICSEARCH_URL is set.
/// </summary>
public sealed class StoreContractTests
{
    private static readonly IncidentPolicy Policy = new() { LookbackHours = 24, DedupeWindowSeconds = 600 };
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<string> Kinds => StoreKinds.All;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AppendsBatchesAndCountsTheirEvents(string kind)
    {
        using var t = StoreKinds.Create(kind);
        var results = await t.Store.AppendAsync(
            [Batch("a", Event("e1", "one"), Event("e2", "two")), Batch("b", Event("e3", "three"))], Policy, None);

        Assert.Equal([new(2, 2, 0, 0), new(1, 1, 0, 0)], results);
        Assert.Equal(3, await t.Store.CountEventsAsync(new EventQuery(null, null, null, null), None));
        Assert.Equal(2, await t.Store.CountEventsAsync(new EventQuery(null, null, null, ["a"]), None));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task StoresAResentRecordOnceAndRaisesNoSecondAlert(string kind)
    {
        using var t = StoreKinds.Create(kind);
        var ev = Event("same", "Failed password for root", sourceIp: "203.0.113.9");
        await t.Store.AppendAsync([BatchWithAlerts("a", (ev, [Alert(ev)]))], Policy, None);
        var again = await t.Store.AppendAsync([BatchWithAlerts("a", (ev, [Alert(ev)]))], Policy, None);

        Assert.Equal(new Pipeline.IngestResult(1, 0, 1, 0), again[0]);
        Assert.Equal(1, await t.Store.CountEventsAsync(new EventQuery(null, null, null, null), None));
        Assert.Equal(1, Assert.Single(await t.Store.ListIncidentsAsync(new IncidentFilter(null), None)).AlertCount);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task SearchesWithTheDocumentedQuerySyntax(string kind)
    {
        using var t = StoreKinds.Create(kind);
        await t.Store.AppendAsync(
        [
            Batch(
                "a",
                Event("s1", "Failed password for root from 203.0.113.9 port 50022 ssh2", Base.AddMinutes(1), "web01", "203.0.113.9", port: 50022),
                Event("s2", "Accepted publickey for deploy from 198.51.100.4", Base.AddMinutes(2), "web02", "198.51.100.4", port: 22),
                Event("s3", "Started Session 4 of user deploy", Base.AddMinutes(3), "web01", dataset: "system.syslog"),
                Event("s4", "GET /wp-login.php HTTP/1.1 404", Base.AddMinutes(4), "proxy1", "192.0.2.7", dataset: "nginx.access", port: 443)),
        ], Policy, None);

        async Task<string[]> Ids(string q) =>
            [.. (await t.Store.SearchEventsAsync(new EventQuery(QueryParser.Parse(q), null, null, null), None)).Events.Select(e => e.Id).Order()];

        Assert.Equal(["s1"], await Ids("password root"));
        Assert.Equal(["s1"], await Ids("\"failed password\""));
        Assert.Equal(["s1", "s3"], await Ids("host.name:web01"));
        Assert.Equal(["s1", "s2"], await Ids("event.dataset:system.auth"));
        Assert.Equal(["s2"], await Ids("source.ip:198.51.100.4"));
        Assert.Equal(["s1", "s2", "s3"], await Ids("deploy OR root AND NOT host.name:proxy1"));
        Assert.Equal(["s2", "s3"], await Ids("deploy"));
        Assert.Equal(["s3"], await Ids("deploy AND NOT source.ip:198.51.100.4"));
        Assert.Equal(["s3"], await Ids("deploy -event.dataset:system.auth"));
        Assert.Equal(["s1", "s4"], await Ids("source.port:[443 TO 60000]"));
        Assert.Equal(["s2"], await Ids("source.port:<443"));
        Assert.Equal(["s1", "s2", "s3"], await Ids("host.name:web*"));
        Assert.Equal(["s4"], await Ids("event.category:authentication AND wp-login*"));
        Assert.Equal(["s2", "s3"], await Ids("@timestamp:[2026-11-22T03:02:00Z TO 2026-11-22T03:03:00Z]"));
        Assert.Equal(["s1"], await Ids("(203.0.113.9 OR 192.0.2.99) host.name:web01"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task PagesNewestFirstWithACursorWithinTimeAndScope(string kind)
    {
        using var t = StoreKinds.Create(kind);
        var events = Enumerable.Range(0, 25).Select(i => Event("p" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), "line " + i, Base.AddSeconds(i))).ToArray();
        await t.Store.AppendAsync([Batch("a", events), Batch("b", Event("other", "line x", Base.AddSeconds(5)))], Policy, None);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await t.Store.SearchEventsAsync(new EventQuery(null, Base.AddSeconds(3), Base.AddSeconds(22), ["a"], 7, cursor), None);
            seen.AddRange(page.Events.Select(e => e.Id));
            cursor = page.Cursor;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(3, 20).Reverse().Select(i => "p" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)), seen);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task DeduplicatesRepeatedAlertsAndGroupsThemByRuleAndEntity(string kind)
    {
        using var t = StoreKinds.Create(kind);
        var e1 = Event("d1", "Failed password for root", Base, sourceIp: "203.0.113.9");
        var e2 = Event("d2", "Failed password for root", Base.AddSeconds(30), sourceIp: "203.0.113.9");
        var e3 = Event("d3", "Failed password for root", Base.AddMinutes(30), sourceIp: "203.0.113.9");
        var e4 = Event("d4", "Failed password for root", Base.AddSeconds(40), sourceIp: "198.51.100.1");
        await t.Store.AppendAsync([BatchWithAlerts("a", (e1, [Alert(e1)]), (e2, [Alert(e2)]), (e3, [Alert(e3)]), (e4, [Alert(e4)]))], Policy, None);

        var incidents = await t.Store.ListIncidentsAsync(new IncidentFilter(null, Sort: "+first_seen"), None);
        Assert.Equal(2, incidents.Count);
        var first = incidents[0];
        Assert.Equal(("203.0.113.9", 3), (first.Entity, first.AlertCount));
        Assert.Equal(("unauthorised-access", "high", "new"), (first.Category, first.Severity, first.Status));
        Assert.Equal(["T1110.001"], first.Techniques!);
        Assert.Equal(Base.AddMinutes(30), first.LastSeen);
        // d1 and d2 share a dedupe window: one alert counted twice; d3 falls in a later window.
        var alerts = await t.Store.ListAlertsAsync(new AlertFilter(null, first.Id), None);
        Assert.Equal([1, 2], alerts.Select(a => a.Count).Order());
        Assert.Equal(["d1", "d2", "d3"], (await t.Store.IncidentEventIdsAsync(first.Id, 10, None)).Order());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task FiltersAndSortsIncidentsBySeverity(string kind)
    {
        using var t = StoreKinds.Create(kind);
        var low = Event("sev-low", "x", Base.AddMinutes(2), sourceIp: "192.0.2.1");
        var critical = Event("sev-crit", "x", Base, sourceIp: "192.0.2.2");
        var medium = Event("sev-med", "x", Base.AddMinutes(1), sourceIp: "192.0.2.3");
        await t.Store.AppendAsync(
            [BatchWithAlerts("a", (low, [Alert(low, "r-low", "low")]), (critical, [Alert(critical, "r-crit", "critical")]), (medium, [Alert(medium, "r-med", "medium")]))], Policy, None);

        var bySeverity = await t.Store.ListIncidentsAsync(new IncidentFilter(null, Sort: "-severity"), None);
        var atLeastMedium = await t.Store.ListIncidentsAsync(new IncidentFilter(null, Severity: "medium"), None);
        var ascending = await t.Store.ListIncidentsAsync(new IncidentFilter(null, Sort: "+severity", Limit: 1), None);

        Assert.Equal(["critical", "medium", "low"], bySeverity.Select(i => i.Severity));
        Assert.Equal("r-med", Assert.Single(atLeastMedium).RuleId);
        Assert.Equal("low", Assert.Single(ascending).Severity);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task RefusesAnIncidentUpdateAtAStaleVersion(string kind)
    {
        using var t = StoreKinds.Create(kind);
        var ev = Event("v1", "Failed password for root", sourceIp: "203.0.113.9");
        await t.Store.AppendAsync([BatchWithAlerts("a", (ev, [Alert(ev)]))], Policy, None);
        var incident = Assert.Single(await t.Store.ListIncidentsAsync(new IncidentFilter(null), None));

        var first = await t.Store.UpdateIncidentAsync(incident.Id, incident.Version, new IncidentChange(Status: IncidentStatuses.Acknowledged, Assignee: "lan"), "lan", None);
        var stale = await t.Store.UpdateIncidentAsync(incident.Id, incident.Version, new IncidentChange(Assignee: "minh"), "minh", None);

        Assert.Equal(IncidentUpdateOutcome.Updated, first.Outcome);
        Assert.Equal(("acknowledged", "lan"), (first.Incident!.Status, first.Incident.Assignee));
        Assert.NotNull(first.Incident.AcknowledgedAt);
        Assert.Equal(IncidentUpdateOutcome.Conflict, stale.Outcome);
        Assert.Equal("lan", (await t.Store.GetIncidentAsync(incident.Id, null, None))!.Assignee);
        Assert.Equal(IncidentUpdateOutcome.NotFound, (await t.Store.UpdateIncidentAsync(987654, 1, new IncidentChange(Note: "x"), "lan", None)).Outcome);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ClosesWithAReasonKeepsNotesAndAuditsEveryChange(string kind)
    {
        using var t = StoreKinds.Create(kind);
        var ev = Event("c1", "Failed password for root", sourceIp: "203.0.113.9");
        await t.Store.AppendAsync([BatchWithAlerts("a", (ev, [Alert(ev)]))], Policy, None);
        var incident = Assert.Single(await t.Store.ListIncidentsAsync(new IncidentFilter(null), None));

        var noted = await t.Store.UpdateIncidentAsync(incident.Id, incident.Version, new IncidentChange(Note: "blocked at the firewall"), "lan", None);
        var closed = await t.Store.UpdateIncidentAsync(incident.Id, noted.Incident!.Version, new IncidentChange(Status: "closed", ClosingReason: "true_positive", Severity: "critical"), "lan", None);

        Assert.Equal(("closed", "true_positive", "critical"), (closed.Incident!.Status, closed.Incident.ClosingReason, closed.Incident.Severity));
        Assert.NotNull(closed.Incident.ClosedAt);
        var note = Assert.Single(await t.Store.NotesAsync(incident.Id, None));
        Assert.Equal(("lan", "blocked at the firewall"), (note.Author, note.Text));
        var trail = await t.Store.ListAuditAsync("incident:" + incident.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), 10, None);
        Assert.Equal(["incident.note", "incident.severity", "incident.status"], trail.Select(e => e.Action).Order());
        Assert.All(trail, e => Assert.Equal("lan", e.Actor));
        Assert.True((await t.Store.VerifyAuditAsync(None)).Intact);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ReopensAClosedIncidentOrOpensALinkedOneByPolicy(string kind)
    {
        foreach (var reopen in new[] { true, false })
        {
            using var t = StoreKinds.Create(kind);
            var policy = new IncidentPolicy { LookbackHours = 24, DedupeWindowSeconds = 600, ReopenClosed = reopen };
            var e1 = Event("r1", "Failed password for root", Base, sourceIp: "203.0.113.9");
            await t.Store.AppendAsync([BatchWithAlerts("a", (e1, [Alert(e1)]))], policy, None);
            var incident = Assert.Single(await t.Store.ListIncidentsAsync(new IncidentFilter(null), None));
            await t.Store.UpdateIncidentAsync(incident.Id, incident.Version, new IncidentChange(Status: "closed", ClosingReason: "false_positive"), "lan", None);

            var e2 = Event("r2", "Failed password for root", Base.AddMinutes(1), sourceIp: "203.0.113.9");
            await t.Store.AppendAsync([BatchWithAlerts("a", (e2, [Alert(e2)]))], policy, None);

            var all = await t.Store.ListIncidentsAsync(new IncidentFilter(null, Sort: "+id"), None);
            if (reopen)
            {
                var only = Assert.Single(all);
                Assert.Equal(("new", 1, 2), (only.Status, only.ReopenCount, only.AlertCount));
            }
            else
            {
                Assert.Equal(2, all.Count);
                Assert.Equal(("closed", "new", incident.Id), (all[0].Status, all[1].Status, all[1].LinkedIncidentId));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task PurgesOnlyTheGivenAgencysEventsOlderThanTheCutoff(string kind)
    {
        using var t = StoreKinds.Create(kind);
        await t.Store.AppendAsync(
        [
            Batch("a", Event("old-a", "old", Base.AddMonths(-4)), Event("new-a", "new", Base)),
            Batch("b", Event("old-b", "old", Base.AddMonths(-4))),
        ], Policy, None);

        var purged = await t.Store.PurgeEventsAsync("a", Base.AddMonths(-3), None);

        Assert.Equal(1, purged);
        var left = await t.Store.SearchEventsAsync(new EventQuery(null, null, null, null), None);
        Assert.Equal(["new-a", "old-b"], left.Events.Select(e => e.Id).Order());
        Assert.Empty((await t.Store.SearchEventsAsync(new EventQuery(QueryParser.Parse("old"), null, null, ["a"]), None)).Events);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ChainsAuditEntriesEachWithThePreviousHash(string kind)
    {
        using var t = StoreKinds.Create(kind);
        var first = await t.Store.AppendAuditAsync(new AuditRecord("admin", "agency.add", "agency:a", "Sở A", Base), None);
        var second = await t.Store.AppendAuditAsync(new AuditRecord("lan", "incident.status", "incident:1", "new -> acknowledged", Base.AddSeconds(1)), None);

        Assert.Equal(AuditEntry.GenesisHash, first.PreviousHash);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(second.Sequence, first.Sequence + 1);
        Assert.Equal(new AuditVerification(true, 2, null, null), await t.Store.VerifyAuditAsync(None));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ReportsItsHealth(string kind)
    {
        using var t = StoreKinds.Create(kind);
        var health = await t.Store.CheckHealthAsync(None);
        Assert.True(health.Healthy, health.Detail);
        Assert.Equal(kind, health.Kind);
    }
}
