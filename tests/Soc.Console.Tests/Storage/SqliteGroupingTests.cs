using System.Globalization;
using Soc.Console.Incidents;
using Soc.Console.Storage;
using Soc.Console.Tests.Support;
using Soc.Detection.Engine;
using Soc.Detection.Events;
using static Soc.Console.Tests.Support.Events;

namespace Soc.Console.Tests.Storage;

/// <summary>
/// The SQLite grouper sums the bumps of one transaction instead of writing one row update per alert. What
/// an analyst sees must not depend on how alerts were split into commits: a flood stored in one group
/// commit gives the same alerts, counts, first/last seen and incidents as the same alerts one per commit.
/// </summary>
public sealed class SqliteGroupingTests
{
    // Short windows so the flood below crosses dedupe windows and look-backs.
    private static readonly IncidentPolicy Policy = new() { LookbackHours = 1, DedupeWindowSeconds = 600 };

    [Fact]
    public async Task AFloodInOneCommitCountsEveryAlertOnOneRowPerWindow()
    {
        using var t = StoreKinds.Create("sqlite");
        var items = Flood("f", 300, source: _ => "203.0.113.9", spacingSeconds: 1);

        await t.Store.AppendAsync([BatchWithAlerts("a", items)], Policy, CancellationToken.None);

        var incident = Assert.Single(await t.Store.ListIncidentsAsync(new IncidentFilter(null), CancellationToken.None));
        Assert.Equal(300, incident.AlertCount);
        Assert.Equal(Base, incident.FirstSeen);
        Assert.Equal(Base.AddSeconds(299), incident.LastSeen);
        var alerts = await t.Store.ListAlertsAsync(new AlertFilter(null, incident.Id, Limit: 1000), CancellationToken.None);
        Assert.InRange(alerts.Count, 1, 2); // 300 s may straddle one window boundary
        Assert.Equal(300, alerts.Sum(a => a.Count));
        Assert.Equal(300, (await t.Store.IncidentEventIdsAsync(incident.Id, 1000, CancellationToken.None)).Count);
        // The newest alert row names the newest event, as one update per alert did.
        Assert.Equal("f-299", alerts.OrderBy(a => a.Timestamp).Last().EventId);
    }

    [Fact]
    public async Task OneCommitAndOneCommitPerAlertGiveTheSameIncidentsAndAlerts()
    {
        // Three sources, slightly out-of-order times, in four bursts of 45 minutes 55 minutes apart: new
        // dedupe windows, look-back expiries, and bursts whose first alert finds the incident only through
        // a last_seen bumped earlier in the same commit (a 55-minute gap inside the 1-hour look-back).
        var random = new Random(6);
        var items = Flood("m", 400, source: i => "198.51.100." + (i % 3).ToString(CultureInfo.InvariantCulture),
            spacingSeconds: 27, jitterSeconds: i => random.Next(-20, 20) + (i / 100 * 55 * 60));

        using var together = StoreKinds.Create("sqlite");
        await together.Store.AppendAsync([BatchWithAlerts("a", items)], Policy, CancellationToken.None);
        using var apart = StoreKinds.Create("sqlite");
        foreach (var item in items)
        {
            await apart.Store.AppendAsync([BatchWithAlerts("a", item)], Policy, CancellationToken.None);
        }

        Assert.Equal(await Snapshot(apart.Store), await Snapshot(together.Store));
    }

    private static (LogEvent Event, Alert[] Alerts)[] Flood(string prefix, int count, Func<int, string> source, int spacingSeconds, Func<int, int>? jitterSeconds = null)
    {
        var items = new (LogEvent, Alert[])[count];
        for (var i = 0; i < count; i++)
        {
            var at = Base.AddSeconds((i * spacingSeconds) + (jitterSeconds?.Invoke(i) ?? 0));
            var ev = Event(prefix + "-" + i.ToString(CultureInfo.InvariantCulture), "Failed password for root", at, sourceIp: source(i));
            items[i] = (ev, [Alert(ev)]);
        }

        return items;
    }

    // Everything the console shows of incidents and alerts, minus row ids and creation times.
    private static async Task<string> Snapshot(ISocStore store)
    {
        var lines = new List<string>();
        var incidents = await store.ListIncidentsAsync(new IncidentFilter(null, Limit: 1000), CancellationToken.None);
        foreach (var i in incidents.OrderBy(i => i.FirstSeen).ThenBy(i => i.Entity, StringComparer.Ordinal))
        {
            lines.Add($"incident {i.Entity} {i.Host} {i.Status} {i.AlertCount} {i.FirstSeen:o} {i.LastSeen:o}");
            var alerts = await store.ListAlertsAsync(new AlertFilter(null, i.Id, Limit: 1000), CancellationToken.None);
            foreach (var a in alerts.OrderBy(a => a.Timestamp).ThenBy(a => a.Fingerprint, StringComparer.Ordinal))
            {
                lines.Add($"  alert {a.Fingerprint} {a.Count} {a.Timestamp:o} {a.LastSeen:o} {a.EventId}");
            }

            var events = await store.IncidentEventIdsAsync(i.Id, 1000, CancellationToken.None);
            lines.Add("  events " + string.Join(',', events.Order(StringComparer.Ordinal)));
        }

        Assert.True(incidents.Count >= 3, "the scenario should open several incidents");
        return string.Join('\n', lines);
    }
}
