using Soc.Console.Incidents;
using Soc.Console.Storage;
using Soc.Console.Tests.Support;
using static Soc.Console.Tests.Support.Events;

namespace Soc.Console.Tests.Storage;

/// <summary>SQLite bounds facet work to the newest matching events and says so in the result.</summary>
public sealed class SqliteFacetSampleTests
{
    [Fact]
    public async Task CountsOnlyTheNewestMatchingEventsWhenThereAreMoreThanTheBound()
    {
        using var t = StoreKinds.Create("sqlite");
        t.Sqlite.FacetSampleEvents = 100;
        var now = DateTimeOffset.UtcNow;
        // The 100 newest come from "new-host", the 200 older ones from "old-host".
        var events = Enumerable.Range(0, 300).Select(i => Event("s" + i, "x", now.AddSeconds(-i), i < 100 ? "new-host" : "old-host")).ToArray();
        await t.Store.AppendAsync([Batch("a", events)], new IncidentPolicy(), CancellationToken.None);

        var sampled = await t.Sqlite.FacetEventsAsync(new EventQuery(null, null, null, null), ["host.name"], 6, CancellationToken.None);
        t.Sqlite.FacetSampleEvents = 1000;
        var whole = await t.Sqlite.FacetEventsAsync(new EventQuery(null, null, null, null), ["host.name"], 6, CancellationToken.None);

        Assert.Equal(100, sampled.SampledNewest);
        Assert.Equal([("new-host", 100L)], sampled.Fields["host.name"].Select(v => (v.Value, v.Count)));
        Assert.Null(whole.SampledNewest);
        Assert.Equal([("old-host", 200L), ("new-host", 100L)], whole.Fields["host.name"].Select(v => (v.Value, v.Count)));
    }
}
