using Soc.Console.Storage;

namespace Soc.Console.Incidents;

/// <summary>Checks a requested change against the incident as it is; returns the reason it is refused, or null.</summary>
public static class IncidentWorkflow
{
    public static string? Validate(Incident current, IncidentChange change)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(change);
        if (change.Status is not null && change.Status != current.Status)
        {
            if (!IncidentStatuses.All.Contains(change.Status))
            {
                return $"unknown status '{change.Status}' (one of {string.Join(", ", IncidentStatuses.All)})";
            }

            if (!IncidentStatuses.CanMove(current.Status, change.Status))
            {
                return $"an incident cannot move from {current.Status} to {change.Status}";
            }

            if (change.Status == IncidentStatuses.Closed && change.ClosingReason is null)
            {
                return $"closing needs a closingReason (one of {string.Join(", ", ClosingReasons.All)})";
            }
        }

        if (change.ClosingReason is not null && !ClosingReasons.All.Contains(change.ClosingReason))
        {
            return $"unknown closingReason '{change.ClosingReason}' (one of {string.Join(", ", ClosingReasons.All)})";
        }

        if (change.ClosingReason is not null && (change.Status ?? current.Status) != IncidentStatuses.Closed)
        {
            return "a closingReason goes with status closed";
        }

        if (change.Severity is not null && Severities.Rank(change.Severity) < 0)
        {
            return $"unknown severity '{change.Severity}' (one of {string.Join(", ", Severities.All)})";
        }

        if (change.Category is not null && !NationalCategories.All.ContainsKey(change.Category))
        {
            return $"unknown category '{change.Category}' (one of {string.Join(", ", NationalCategories.All.Keys)})";
        }

        if (change.Note is not null && string.IsNullOrWhiteSpace(change.Note))
        {
            return "a note needs text";
        }

        return null;
    }
}
