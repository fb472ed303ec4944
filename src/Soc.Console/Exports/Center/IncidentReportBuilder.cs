using System.Globalization;
using Soc.Console.Exports.Deadlines;
using Soc.Console.Exports.Model;
using Soc.Console.Incidents;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Exports.Center;

/// <summary>
/// Fills the exporters' <see cref="IncidentReportData"/> from the store: the incident, its alerts and the
/// rules behind them, its raw events, and a timeline of alerts, status changes, assignments and notes taken
/// from the audit trail (who and when), and the deadlines that apply as they stand now (<see cref="IncidentDeadlines"/>).
/// Reads are scoped to the caller's agency subtree.
/// </summary>
public sealed class IncidentReportBuilder(ISocStore store, SqliteStore accounts, IncidentDeadlines deadlines)
{
    private const int MaxAlerts = 1000;
    private const int MaxEvents = 500;

    public async Task<IncidentReportData?> BuildAsync(long id, IReadOnlyList<string>? agencyScope, CancellationToken cancellationToken)
    {
        var incident = await store.GetIncidentAsync(id, agencyScope, cancellationToken).ConfigureAwait(false);
        if (incident is null)
        {
            return null;
        }

        var alerts = await store.ListAlertsAsync(new AlertFilter(agencyScope, id, Limit: MaxAlerts), cancellationToken).ConfigureAwait(false);
        var eventIds = await store.IncidentEventIdsAsync(id, MaxEvents, cancellationToken).ConfigureAwait(false);
        var events = await store.GetEventsAsync(eventIds, agencyScope, cancellationToken).ConfigureAwait(false);
        var audit = await store.ListAuditAsync("incident:" + id.ToString(CultureInfo.InvariantCulture), 1000, cancellationToken).ConfigureAwait(false);
        var notes = await store.NotesAsync(id, cancellationToken).ConfigureAwait(false);
        var agency = AgencyProfileReader.Read(accounts, incident.AgencyId);

        return new IncidentReportData
        {
            Id = id.ToString(CultureInfo.InvariantCulture),
            Title = incident.Title,
            Summary = Summary(incident),
            Agency = agency,
            System = new SystemProfile { Name = incident.Host ?? incident.AgencyId, OperatingUnit = agency.Name, OwningAgency = agency.ParentName },
            Severity = incident.Severity,
            NationalCategory = Incidents.NationalCategories.FormCode(incident.Category),
            Techniques = [.. (incident.Techniques ?? []).Select(t => new AttackTechnique(t, ""))],
            Status = incident.Status,
            ClosingReason = incident.ClosingReason,
            AssignedTo = incident.Assignee,
            DetectedAt = incident.DetectedAt ?? incident.FirstSeen,
            AcknowledgedAt = incident.AcknowledgedAt,
            ClosedAt = incident.ClosedAt,
            Deadlines = [.. deadlines.For(incident).Select(d => new IncidentDeadline(d.Label, d.LegalSource, d.DueAt, DeadlineStateCode.Of(d.State), d.FulfilledAt, d.RuleSetId + "/" + d.RuleId))],
            Timeline = Timeline(alerts, audit, notes),
            Rules = [.. alerts.GroupBy(a => a.RuleId).Select(g => new FiredRule(g.Key, g.First().RuleTitle, g.First().Level, g.First().Author, g.Sum(a => a.Count)))],
            Events = [.. events.OrderBy(e => e.Timestamp).Select(e => new EvidenceEvent(e.Id, e.Timestamp, e.Host, e.Dataset, Original(e)))],
        };
    }

    private static string Summary(Storage.Incident incident) => string.Create(
        CultureInfo.InvariantCulture,
        $"{incident.AlertCount} alert(s) of rule \"{incident.Title}\" about {incident.Entity ?? incident.Host ?? "an unknown entity"} on {incident.Host ?? "-"}, {incident.FirstSeen:u} to {incident.LastSeen:u}.");

    private static string Original(StoredEvent e) =>
        e.Fields.TryGetProperty("event.original", out var original) && original.ValueKind == System.Text.Json.JsonValueKind.String
            ? original.GetString() ?? ""
            : e.Message ?? "";

    private static List<TimelineEntry> Timeline(IReadOnlyList<StoredAlert> alerts, IReadOnlyList<AuditEntry> audit, IReadOnlyList<IncidentNote> notes)
    {
        var timeline = new List<TimelineEntry>();
        foreach (var alert in alerts)
        {
            var repeats = alert.Count > 1 ? $" (×{alert.Count})" : "";
            timeline.Add(new TimelineEntry(alert.Timestamp, TimelineEntryKind.Alert, "soc", alert.RuleTitle + repeats, alert.RuleId));
        }

        foreach (var entry in audit)
        {
            var kind = entry.Action switch
            {
                "incident.assignee" => TimelineEntryKind.Assignment,
                "incident.note" => (TimelineEntryKind?)null, // notes come from the notes table, with their full text
                "incident.milestone" => TimelineEntryKind.Report, // a report sent outside Soc, marked by hand
                var a when a.StartsWith("incident.export", StringComparison.Ordinal) || a.StartsWith("report.", StringComparison.Ordinal) => TimelineEntryKind.Report,
                _ => TimelineEntryKind.StatusChange,
            };
            if (kind is { } k)
            {
                timeline.Add(new TimelineEntry(entry.Time, k, entry.Actor, $"{entry.Action}: {entry.Details}"));
            }
        }

        foreach (var note in notes)
        {
            timeline.Add(new TimelineEntry(note.Time, TimelineEntryKind.Note, note.Author, note.Text));
        }

        timeline.Sort((a, b) => a.At.CompareTo(b.At));
        return timeline;
    }
}
