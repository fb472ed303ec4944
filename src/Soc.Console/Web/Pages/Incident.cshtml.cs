using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Soc.Console.Pipeline;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;
using Soc.Console.Web.Data;
using Soc.Detection.Sigma;

namespace Soc.Console.Web.Pages;

/// <summary>
/// One incident: summary, response clocks, the alerts with their rule and matched fields, a timeline of
/// alerts, changes and notes, and the triage controls. Out-of-scope incidents answer 404, like absent ones.
/// </summary>
public sealed class IncidentModel(SqliteStore store, RuleSetHolder rules) : PageModel
{
    public IncidentRow Row { get; private set; } = null!;
    public IReadOnlyList<StoredAlert> Alerts { get; private set; } = [];
    public IReadOnlyList<IncidentNote> Notes { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Changes { get; private set; } = [];
    public IReadOnlyList<string> People { get; private set; } = [];
    public Dictionary<string, SigmaRule> RuleById { get; } = new(StringComparer.Ordinal);
    public string? Error { get; private set; }

    public IActionResult OnGet(long id, string? error)
    {
        if (store.FindIncidentRow(id, UserClaims.AgencyScope(User, store)) is not { } row)
        {
            return NotFoundPage.Result();
        }

        Row = row;
        Alerts = store.AlertsForIncident(id);
        Notes = store.NotesFor(id);
        Changes = store.AuditFor($"incident:{id}");
        People = store.Assignees();
        foreach (var rule in rules.Rules)
        {
            RuleById.TryAdd(rule.Id, rule);
        }

        Error = error;
        return Page();
    }

    /// <summary>One triage action from the page's forms (act = ack, start, close, reopen, assign, severity, category, note).</summary>
    public IActionResult OnPost(long id, string act, string? value)
    {
        if (store.FindIncidentRow(id, UserClaims.AgencyScope(User, store)) is null)
        {
            return NotFoundPage.Result();
        }

        if (!User.CanTriage())
        {
            return Forbid();
        }

        if (act == "close" && string.IsNullOrEmpty(value))
        {
            return Redirect($"/incidents/{id}?error=reason");
        }

        Triage.Apply(store, User, id, act, value);
        return Redirect($"/incidents/{id}");
    }
}
