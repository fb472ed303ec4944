using System.Security.Claims;
using Soc.Console.Security;
using Soc.Console.Storage.Sqlite;
using Soc.Console.Web.Data;

namespace Soc.Console.Web;

/// <summary>
/// Applies one triage action to one incident on behalf of a user: the incident must be inside the
/// user's agency scope (else it is treated as absent) and the user must be allowed to triage.
/// Every change is audited by the store in the same transaction.
/// </summary>
public static class Triage
{
    /// <summary>Returns whether something changed; false for an out-of-scope or unknown incident or an invalid value.</summary>
    public static bool Apply(SqliteStore store, ClaimsPrincipal user, long id, string action, string? value)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(user);
        if (!user.CanTriage() || store.FindIncidentRow(id, UserClaims.AgencyScope(user, store)) is not { } row)
        {
            return false;
        }

        var actor = user.Name();
        return action switch
        {
            "ack" => row.Incident.Status == "new" && store.SetIncidentStatus(id, actor, "acknowledged", null),
            "start" => store.SetIncidentStatus(id, actor, "in_progress", null),
            "close" => value is not null && Vocabulary.ClosingReasons.Contains(value) && store.SetIncidentStatus(id, actor, "closed", value),
            "reopen" => row.Incident.Status == "closed" && store.SetIncidentStatus(id, actor, "acknowledged", null),
            "assign" => (string.IsNullOrEmpty(value) || store.Assignees().Contains(value)) && store.AssignIncident(id, actor, value),
            "severity" => value is not null && Vocabulary.Severities.Contains(value) && store.SetIncidentSeverity(id, actor, value),
            "category" => (string.IsNullOrEmpty(value) || Vocabulary.Categories.Contains(value)) && store.SetIncidentCategory(id, actor, value),
            "note" => !string.IsNullOrWhiteSpace(value) && store.AddIncidentNote(id, actor, value),
            _ => false,
        };
    }
}
