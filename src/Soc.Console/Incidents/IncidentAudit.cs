using Soc.Console.Storage;

namespace Soc.Console.Incidents;

/// <summary>The audit entries an incident change produces (one per changed aspect), the same on both stores.</summary>
public static class IncidentAudit
{
    public static IEnumerable<(string Action, string Details)> Describe(Incident current, IncidentChange change)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(change);
        if (change.Status is not null && change.Status != current.Status)
        {
            yield return ("incident.status", $"{current.Status} -> {change.Status}" + (change.ClosingReason is null ? "" : $" ({change.ClosingReason})"));
        }

        if (change.Assignee is not null && change.Assignee != (current.Assignee ?? ""))
        {
            yield return ("incident.assignee", $"{current.Assignee ?? "-"} -> {(change.Assignee.Length == 0 ? "-" : change.Assignee)}");
        }

        if (change.Severity is not null && change.Severity != current.Severity)
        {
            yield return ("incident.severity", $"{current.Severity} -> {change.Severity}");
        }

        if (change.Category is not null && change.Category != current.Category)
        {
            yield return ("incident.category", $"{current.Category ?? "-"} -> {change.Category}");
        }

        if (change.Note is not null)
        {
            yield return ("incident.note", change.Note);
        }
    }
}
