using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Soc.Console.Exports.Deadlines;
using Soc.Console.Localization;
using Soc.Console.Pipeline;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;
using Soc.Detection.Sigma;

namespace Soc.Console.Web.Pages;

/// <summary>
/// One incident: summary, response clocks, the alerts with their rule and matched fields, a timeline of
/// alerts, changes and notes, and the triage controls. Out-of-scope incidents answer 404, like absent ones.
/// </summary>
public sealed class IncidentModel(ISocStore store, SqliteStore accounts, RuleSetHolder rules, IncidentDeadlines deadlines, MilestoneRecorder milestones, TimeProvider time) : PageModel
{
    /// <summary>Legal milestones not reached yet, for the clocks card's "mark sent" (milestone name, the deadlines it meets).</summary>
    public IReadOnlyList<(string Milestone, string Label)> Markable { get; private set; } = [];

    /// <summary>Reports marked sent by hand, oldest first.</summary>
    public IReadOnlyList<RecordedMilestone> Recorded { get; private set; } = [];

    /// <summary>Every deadline that applies (operational, then legal), for the clocks card.</summary>
    public IReadOnlyList<DeadlineStatus> Deadlines { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public Incident Incident { get; private set; } = null!;
    public IReadOnlyList<StoredAlert> Alerts { get; private set; } = [];
    public IReadOnlyList<IncidentNote> Notes { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Changes { get; private set; } = [];
    public IReadOnlyList<string> People { get; private set; } = [];
    public Dictionary<string, SigmaRule> RuleById { get; } = new(StringComparer.Ordinal);

    /// <summary>reason (closing needs one), conflict (someone else changed it first) or the workflow's refusal.</summary>
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? error)
    {
        var ct = HttpContext.RequestAborted;
        var scope = UserClaims.AgencyScope(User, accounts);
        if (await store.GetIncidentAsync(id, scope, ct).ConfigureAwait(false) is not { } incident)
        {
            return NotFoundPage.Result();
        }

        Incident = incident;
        Now = time.GetUtcNow();
        Deadlines = deadlines.For(incident, Now);
        Markable = MarkableMilestones(Deadlines);
        Recorded = accounts.ListRecordedMilestones(id);
        Alerts = await store.ListAlertsAsync(new AlertFilter(scope, id, Limit: 200), ct).ConfigureAwait(false);
        Notes = await store.NotesAsync(id, ct).ConfigureAwait(false);
        Changes = await store.ListAuditAsync($"incident:{id}", 500, ct).ConfigureAwait(false);
        People = accounts.Assignees();
        foreach (var rule in rules.Rules)
        {
            RuleById.TryAdd(rule.Id, rule);
        }

        Error = error;
        return Page();
    }

    /// <summary>"Mark sent" on the clocks card: a report sent outside Soc (local date and time, a note); admin and analyst only.</summary>
    public async Task<IActionResult> OnPostMilestoneAsync(long id, string? milestone, string? at, string? note)
    {
        var (outcome, _) = await milestones.RecordAsync(User, id, milestone, LocalTime.Parse(at), note, HttpContext.RequestAborted).ConfigureAwait(false);
        return outcome switch
        {
            MilestoneOutcome.NotFound => NotFoundPage.Result(),
            MilestoneOutcome.Forbidden => Forbid(),
            MilestoneOutcome.Invalid => Redirect($"/incidents/{id}?ms=invalid#clocks"),
            _ => Redirect($"/incidents/{id}#clocks"),
        };
    }

    private List<(string Milestone, string Label)> MarkableMilestones(IReadOnlyList<DeadlineStatus> statuses)
    {
        var result = new List<(string Milestone, string Label)>();
        foreach (var group in statuses
            .Where(d => d.RuleSetId != OperationalRuleSet.Id && d.FulfilledAt is null)
            .Select(d => (Status: d, Rule: deadlines.RuleSets.First(s => s.Id == d.RuleSetId).Rules.First(r => r.Id == d.RuleId)))
            .GroupBy(x => x.Rule.Milestone, StringComparer.Ordinal))
        {
            result.Add((group.Key, string.Join("; ", group.Select(x => x.Status.Label))));
        }

        return result;
    }

    /// <summary>One triage action from the page's forms, at the version the page showed.</summary>
    public async Task<IActionResult> OnPostAsync(long id, string? act, string? value, long? version)
    {
        if (Triage.ChangeFor(act, value) is not { } change)
        {
            return BadRequest();
        }

        var (result, reason) = await Triage.ApplyAsync(store, accounts, User, id, version, change, HttpContext.RequestAborted).ConfigureAwait(false);
        return result switch
        {
            TriageResult.NotFound => NotFoundPage.Result(),
            TriageResult.Forbidden => Forbid(),
            TriageResult.Conflict => Redirect($"/incidents/{id}?error=conflict"),
            TriageResult.Refused when act == "close" && change.ClosingReason is null => Redirect($"/incidents/{id}?error=reason"),
            TriageResult.Refused => Redirect($"/incidents/{id}?error={Uri.EscapeDataString(reason ?? "")}"),
            _ => Redirect($"/incidents/{id}"),
        };
    }
}
