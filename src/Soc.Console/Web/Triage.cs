using System.Security.Claims;
using Soc.Console.Incidents;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Web;

/// <summary>
/// Applies one triage change for a console user through the center's incident workflow: the incident
/// must be in the user's agency scope (else it is treated as absent), the role must allow triage, the
/// change must pass <see cref="IncidentWorkflow.Validate"/>, and the store applies it at the version the
/// user saw (a concurrent edit is a conflict, not a silent overwrite). The store audits the change.
/// </summary>
public static class Triage
{
    public static async Task<(TriageResult Result, string? Reason)> ApplyAsync(
        ISocStore store, SqliteStore accounts, ClaimsPrincipal user, long id, long? version, IncidentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(change);
        var current = await store.GetIncidentAsync(id, UserClaims.AgencyScope(user, accounts), cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return (TriageResult.NotFound, null);
        }

        if (!user.CanTriage())
        {
            return (TriageResult.Forbidden, null);
        }

        if (IncidentWorkflow.Validate(current, change) is { } refusal)
        {
            return (TriageResult.Refused, refusal);
        }

        var result = await store.UpdateIncidentAsync(id, version ?? current.Version, change, user.Name(), cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            IncidentUpdateOutcome.Updated => (TriageResult.Changed, null),
            IncidentUpdateOutcome.Conflict => (TriageResult.Conflict, null),
            _ => (TriageResult.NotFound, null),
        };
    }

    /// <summary>The change a console action stands for (act = ack, start, close, reopen, assign, severity, category, note).</summary>
    public static IncidentChange? ChangeFor(string? act, string? value) => act switch
    {
        "ack" => new IncidentChange(Status: IncidentStatuses.Acknowledged),
        "start" => new IncidentChange(Status: IncidentStatuses.InProgress),
        "close" => new IncidentChange(Status: IncidentStatuses.Closed, ClosingReason: string.IsNullOrEmpty(value) ? null : value),
        "reopen" => new IncidentChange(Status: IncidentStatuses.InProgress),
        "assign" => new IncidentChange(Assignee: value ?? ""),
        "severity" => new IncidentChange(Severity: value),
        "category" => new IncidentChange(Category: string.IsNullOrEmpty(value) ? null : value),
        "note" => new IncidentChange(Note: value ?? ""),
        _ => null,
    };
}
