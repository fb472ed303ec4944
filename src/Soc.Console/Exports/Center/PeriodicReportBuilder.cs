using Soc.Console.Exports.Model;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Exports.Center;

/// <summary>
/// Fills <see cref="PeriodicReportData"/> from the store: the incidents detected in [from, to) in an agency
/// subtree, and per agency of the subtree the events it sent in the period and its newest event (the store
/// keeps events per agency, not per collector, so coverage is per agency). The subtree must lie within the
/// caller's scope: any other agency answers null, as if absent.
/// </summary>
public sealed class PeriodicReportBuilder(ISocStore store, SqliteStore accounts)
{
    /// <summary>Incidents read per page; the report reads all pages of the subtree and keeps those of the period.</summary>
    private const int PageSize = 1000;

    /// <summary>
    /// <paramref name="agencyId"/>: root of the subtree; null means the caller's whole scope (the province for a
    /// user bound to no agency, whose root agency then signs, or "Toàn tỉnh" when the tree has several roots).
    /// </summary>
    public async Task<PeriodicReportData?> BuildAsync(string? agencyId, IReadOnlyList<string>? callerScope, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var agencies = accounts.ListAgencies().ToDictionary(a => a.Id, StringComparer.Ordinal);
        AgencyProfile root;
        IReadOnlyList<string>? subtree;
        if (agencyId is not null)
        {
            if (!agencies.ContainsKey(agencyId) || (callerScope is not null && !callerScope.Contains(agencyId)))
            {
                return null;
            }

            root = AgencyProfileReader.Read(accounts, agencyId);
            subtree = accounts.AgencySubtree(agencyId);
        }
        else if (callerScope is null)
        {
            var roots = agencies.Values.Where(a => a.ParentId is null).ToList();
            root = roots.Count == 1 ? AgencyProfileReader.Read(accounts, roots[0].Id) : new AgencyProfile { Id = "province", Name = "Toàn tỉnh" };
            subtree = null;
        }
        else
        {
            return null; // a scoped caller names its agency (the API and pages pass the user's own)
        }

        var incidents = new List<IncidentSummary>();
        var authors = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await store.ListIncidentsAsync(new IncidentFilter(subtree, Sort: "first_seen", Limit: PageSize, Offset: offset), cancellationToken).ConfigureAwait(false);
            foreach (var incident in page)
            {
                var detected = incident.DetectedAt ?? incident.FirstSeen;
                if (detected >= from && detected < to)
                {
                    incidents.Add(await SummaryAsync(incident, detected, agencies, authors, subtree, cancellationToken).ConfigureAwait(false));
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }
        }

        var collectors = new List<CollectorCoverage>();
        foreach (var id in (subtree ?? [.. agencies.Keys]).Order(StringComparer.Ordinal))
        {
            IReadOnlyList<string> one = [id];
            var count = await store.CountEventsAsync(new EventQuery(null, from, to, one), cancellationToken).ConfigureAwait(false);
            var newest = await store.SearchEventsAsync(new EventQuery(null, null, to, one, Limit: 1), cancellationToken).ConfigureAwait(false);
            collectors.Add(new CollectorCoverage(agencies.TryGetValue(id, out var a) ? a.Name : id, id, newest.Events.Count > 0 ? newest.Events[0].Timestamp : null, count));
        }

        return new PeriodicReportData { Agency = root, From = from, To = to, Incidents = incidents, Collectors = collectors };
    }

    private async Task<IncidentSummary> SummaryAsync(
        Storage.Incident incident, DateTimeOffset detected, Dictionary<string, Agency> agencies, Dictionary<string, string?> authors, IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        // The rule's author is on its alerts (the Sigma licence asks for attribution); one look-up per rule.
        if (!authors.TryGetValue(incident.RuleId, out var author))
        {
            var alerts = await store.ListAlertsAsync(new AlertFilter(scope, incident.Id, Limit: 1), cancellationToken).ConfigureAwait(false);
            author = alerts.Count > 0 ? alerts[0].Author : null;
            authors[incident.RuleId] = author;
        }

        return new IncidentSummary
        {
            Id = incident.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AgencyName = agencies.TryGetValue(incident.AgencyId, out var agency) ? agency.Name : incident.AgencyId,
            NationalCategory = Incidents.NationalCategories.FormCode(incident.Category),
            Severity = incident.Severity,
            Status = incident.Status,
            ClosingReason = ClosingReason(incident.ClosingReason),
            FirstEventAt = incident.FirstSeen,
            DetectedAt = detected,
            AcknowledgedAt = incident.AcknowledgedAt,
            ClosedAt = incident.ClosedAt,
            Rules = [new FiredRule(incident.RuleId, incident.Title, incident.Severity, author ?? "", incident.AlertCount)],
        };
    }

    /// <summary>
    /// The center's closing reasons in the reports' words: "benign true positive" and "not an incident" are both
    /// "benign" there, which Mẫu 05 does not count as incidents (like false positives and duplicates).
    /// </summary>
    private static string? ClosingReason(string? reason) => reason switch
    {
        "benign_true_positive" or "not_an_incident" => "benign",
        _ => reason,
    };
}
