using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Soc.Console.Localization;
using Soc.Console.Pipeline;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;
using Soc.Console.Web.Data;
using Soc.Detection.Sigma;

namespace Soc.Console.Web.Pages;

/// <summary>
/// The loaded rules with their hit counts, switches and suppressions. Changes are for admins and the
/// province's analysts, and each is written to the audit trail with who and why.
/// </summary>
public sealed class RulesModel(SqliteStore store, ISocStore audit, IConsoleReads reads, RuleSetHolder rules, RuleSwitches switches) : PageModel
{
    public IReadOnlyList<SigmaRule> Rules { get; private set; } = [];
    public IReadOnlyDictionary<string, long> Hits24h { get; private set; } = new Dictionary<string, long>();
    public IReadOnlyDictionary<string, long> Hits7d { get; private set; } = new Dictionary<string, long>();
    public IReadOnlySet<string> Disabled { get; private set; } = new HashSet<string>();
    public IReadOnlyList<Suppression> Suppressions { get; private set; } = [];
    public int LoadErrors { get; private set; }

    public async Task OnGetAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var scope = UserClaims.AgencyScope(User, store);
        Hits24h = await reads.RuleHitsAsync(scope, now.AddHours(-24), HttpContext.RequestAborted).ConfigureAwait(false);
        Hits7d = await reads.RuleHitsAsync(scope, now.AddDays(-7), HttpContext.RequestAborted).ConfigureAwait(false);
        Rules = [.. rules.Rules.OrderByDescending(r => Hits7d.GetValueOrDefault(r.Id)).ThenBy(r => r.Title, StringComparer.Ordinal)];
        Disabled = store.DisabledRules();
        Suppressions = store.ActiveSuppressions(now);
        LoadErrors = rules.Errors.Count;
    }

    public async Task<IActionResult> OnPostToggleAsync(string ruleId, bool disable)
    {
        if (!User.CanTuneRules())
        {
            return Forbid();
        }

        store.SetRuleDisabled(ruleId, disable);
        switches.Refresh();
        await AuditAsync(disable ? "rule.disable" : "rule.enable", $"rule:{ruleId}", disable ? "enabled -> disabled" : "disabled -> enabled").ConfigureAwait(false);
        return Redirect("/rules");
    }

    public async Task<IActionResult> OnPostSuppressAsync(string ruleId, string field, string value, string reason, string? expires)
    {
        if (!User.CanTuneRules())
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(field) || string.IsNullOrWhiteSpace(value) || string.IsNullOrWhiteSpace(reason))
        {
            return Redirect("/rules");
        }

        var until = LocalTime.Parse(expires);
        var id = store.AddSuppression(ruleId, field.Trim(), value.Trim(), User.Name(), reason.Trim(), until);
        switches.Refresh();
        await AuditAsync("rule.suppression.add", $"rule:{ruleId}", $"#{id} {field.Trim()} = {value.Trim()}, until {(until is { } u ? LocalTime.Format(u) : "-")}: {reason.Trim()}").ConfigureAwait(false);
        return Redirect("/rules");
    }

    public async Task<IActionResult> OnPostUnsuppressAsync(long id, string ruleId)
    {
        if (!User.CanTuneRules())
        {
            return Forbid();
        }

        if (store.EndSuppression(id))
        {
            switches.Refresh();
            await AuditAsync("rule.suppression.end", $"rule:{ruleId}", $"#{id} ended").ConfigureAwait(false);
        }

        return Redirect("/rules");
    }

    private Task<AuditEntry> AuditAsync(string action, string subject, string details) =>
        audit.AppendAuditAsync(new AuditRecord(User.Name(), action, subject, details, DateTimeOffset.UtcNow), HttpContext.RequestAborted);
}
