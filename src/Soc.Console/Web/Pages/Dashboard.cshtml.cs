using Microsoft.AspNetCore.Mvc.RazorPages;
using Soc.Console.Ingest;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;
using Soc.Console.Web.Data;

namespace Soc.Console.Web.Pages;

/// <summary>
/// The province at a glance, within the user's agency scope; charts are inline SVG drawn here. The
/// aggregates come from the event store through <see cref="IConsoleReads"/> (SQLite or Elasticsearch);
/// agencies and collector heartbeats from the accounts file; refusals from this center process.
/// </summary>
public sealed class DashboardModel(IConsoleReads reads, SqliteStore accounts, IngestRefusals refusals) : PageModel
{
    /// <summary>A collector is silent after this many of its heartbeat intervals without one.</summary>
    public const int SilentAfterIntervals = 3;

    public DashboardData Data { get; private set; } = null!;

    public IReadOnlyList<CollectorHealth> Collectors { get; private set; } = [];

    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

    public async Task OnGetAsync()
    {
        var scope = UserClaims.AgencyScope(User, accounts);
        Data = await reads.DashboardAsync(scope, Now, HttpContext.RequestAborted).ConfigureAwait(false);
        var feeds = Data.Feeds.ToDictionary(f => f.AgencyId, StringComparer.Ordinal);
        var beats = accounts.Heartbeats(scope).ToLookup(h => h.AgencyId, StringComparer.Ordinal);
        var rows = new List<CollectorHealth>();
        foreach (var agency in accounts.ListAgencies().Where(a => scope is null || scope.Contains(a.Id)).OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var feed = feeds.GetValueOrDefault(agency.Id);
            var mine = beats[agency.Id].ToList();
            var (tooLarge, overRate, malformed) = refusals.Of(agency.Id);
            rows.Add(new CollectorHealth(
                agency.Id,
                agency.Name,
                feed?.LastEvent,
                feed?.Events24h ?? 0,
                mine.Count,
                mine.Count(IsSilent),
                mine.Count == 0 ? null : mine.Max(h => h.ReceivedAt),
                mine.Sum(h => h.Dropped),
                mine.Sum(h => h.Truncated),
                tooLarge + overRate + malformed,
                mine.Sum(h => h.QueueDepth),
                mine.Count == 0 ? 0 : mine.Max(h => h.OldestUnsentSeconds)));
        }

        Collectors = rows;
    }

    private bool IsSilent(CollectorHeartbeat h) =>
        Now - h.ReceivedAt > TimeSpan.FromSeconds(SilentAfterIntervals * Math.Max(1, h.IntervalSeconds));
}
