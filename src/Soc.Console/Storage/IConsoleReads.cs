using Soc.Console.Web.Data;

namespace Soc.Console.Storage;

/// <summary>
/// The console's aggregate reads — dashboard, rule hit counts, queue totals and filter lists, search
/// facets — kept beside <see cref="ISocStore"/> rather than in it: that contract carries the guarantees
/// ingest, the API and the reports depend on (durability, dedupe, concurrency, the audit chain), while
/// these are read-only summaries shaped by the pages. Both stores implement both, and the one store
/// instance is registered under each. Every read takes the caller's agency scope (null = every agency,
/// empty = none); isolation is in the query. The shared suite is
/// tests/Soc.Console.Tests/Storage/ConsoleReadsContractTests.cs.
/// </summary>
public interface IConsoleReads
{
    /// <summary>
    /// What the dashboard draws: alerts per hour (24 h, folded repeats counted), new incidents per day
    /// (14 local days), top rules, agencies and source addresses (7 days), mean time to acknowledge and to
    /// resolve (incidents acknowledged/closed in the last 30 days), open incidents, and per agency the
    /// newest event and the events of the last 24 hours.
    /// </summary>
    Task<DashboardData> DashboardAsync(IReadOnlyList<string>? agencyScope, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Alerts per rule id whose last occurrence is at or after <paramref name="since"/>, folded repeats included.</summary>
    Task<IReadOnlyDictionary<string, long>> RuleHitsAsync(IReadOnlyList<string>? agencyScope, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the incident queue with its total and the counts per status (ignoring the status
    /// filter). <paramref name="agencies"/> is the queue's agency filter already widened to the agency's
    /// subtree (the tree lives in the accounts file); null means no agency filter. <see cref="QueueFilter.AgencyId"/> is not read.
    /// </summary>
    Task<QueuePage> QueryQueueAsync(IReadOnlyList<string>? agencyScope, IReadOnlyList<string>? agencies, QueueFilter filter, CancellationToken cancellationToken);

    /// <summary>Rules with incidents in scope, as (id, title), ordered by title, at most 500.</summary>
    Task<IReadOnlyList<(string Id, string Title)>> IncidentRulesAsync(IReadOnlyList<string>? agencyScope, CancellationToken cancellationToken);

    /// <summary>Distinct values of <paramref name="field"/> (<c>rule</c>, <c>agency</c>, <c>assignee</c> or <c>category</c>) over the incidents in scope, ordered, at most 500.</summary>
    Task<IReadOnlyList<string>> DistinctIncidentValuesAsync(IReadOnlyList<string>? agencyScope, string field, CancellationToken cancellationToken);

    /// <summary>
    /// Top <paramref name="top"/> values with counts of each field over every event the query matches
    /// (its cursor and limit are ignored), not one page of them. A store may bound the work to the newest
    /// matching events; <see cref="FacetResult.SampledNewest"/> then says how many were counted.
    /// </summary>
    Task<FacetResult> FacetEventsAsync(EventQuery query, IReadOnlyList<string> fields, int top, CancellationToken cancellationToken);
}
