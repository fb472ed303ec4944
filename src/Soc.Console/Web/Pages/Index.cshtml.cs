using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Soc.Console.Exports.Deadlines;
using Soc.Console.Incidents;
using Soc.Console.Localization;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;
using Soc.Console.Web.Data;

namespace Soc.Console.Web.Pages;

/// <summary>
/// The incident queue: one row per incident, filtered within the user's agency scope, closed ones hidden
/// unless asked for; bulk acknowledge / assign / close for those who may triage. Open incidents whose most
/// pressing deadline is near or past are marked, and can be the only ones shown.
/// </summary>
public sealed class IndexModel(SqliteStore store, ISocStore incidents, IConsoleReads reads, Text text, IncidentDeadlines deadlines) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Severity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Assignee { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    /// <summary>near: only incidents with a deadline near or overdue; overdue: only overdue ones.</summary>
    [BindProperty(SupportsGet = true)] public string? Deadline { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "last_seen";
    [BindProperty(SupportsGet = true)] public bool Asc { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public const int PageSize = 50;

    /// <summary>With the deadline filter the states are computed here, over at most this many matching incidents.</summary>
    public const int MaxDeadlineScan = 5000;

    public QueuePage Result { get; private set; } = new([], 0, new Dictionary<string, int>());
    public IReadOnlyList<(string Id, string Title)> Rules { get; private set; } = [];
    public IReadOnlyList<string> Agencies { get; private set; } = [];
    public IReadOnlyList<string> People { get; private set; } = [];
    public IReadOnlyList<SavedView> Views { get; private set; } = [];
    public string? Notice { get; private set; }

    /// <summary>Each shown open incident's most pressing near or overdue deadline (absent when none is).</summary>
    public Dictionary<long, DeadlineStatus> Urgent { get; } = [];

    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(int? done)
    {
        var scope = UserClaims.AgencyScope(User, store);
        var filter = Filter();
        var byDeadline = Deadline is "near" or "overdue";
        if (byDeadline)
        {
            filter = filter with { Page = 1, PageSize = MaxDeadlineScan };
        }

        // Totals and counts per status in one read, on either store (the agency tree lives in the accounts file).
        var agencies = string.IsNullOrEmpty(filter.AgencyId) ? null : store.AgencySubtree(filter.AgencyId);
        Result = await reads.QueryQueueAsync(scope, agencies, filter, HttpContext.RequestAborted).ConfigureAwait(false);
        // One store query for the legal milestones of every row shown (or scanned, with the deadline filter).
        foreach (var (id, urgent) in deadlines.MostUrgent(Result.Rows))
        {
            Urgent[id] = urgent;
        }

        if (byDeadline)
        {
            var kept = Result.Rows.Where(r => Urgent.TryGetValue(r.Id, out var u) && (Deadline == "near" || u.State == DeadlineState.Overdue)).ToList();
            Result = new QueuePage([.. kept.Skip((PageNumber - 1) * PageSize).Take(PageSize)], kept.Count, Result.StatusCounts);
        }

        Rules = await reads.IncidentRulesAsync(scope, HttpContext.RequestAborted).ConfigureAwait(false);
        Agencies = [.. store.ListAgencies().Select(a => a.Id).Where(id => scope is null || scope.Contains(id))];
        People = store.Assignees();
        Views = store.SavedViews(User.Name());
        if (done is { } n)
        {
            Notice = string.Format(System.Globalization.CultureInfo.InvariantCulture, text["queue.done"], n);
        }
    }

    /// <summary>Bulk acknowledge, assign or close; each incident is checked for scope on its own.</summary>
    public async Task<IActionResult> OnPostBulkAsync(long[] ids, string? bulkAction, string? assignTo, string? reason, string? back)
    {
        if (!User.CanTriage())
        {
            return Forbid();
        }

        var change = bulkAction switch
        {
            "assign" => Triage.ChangeFor("assign", assignTo),
            "close" => Triage.ChangeFor("close", reason),
            _ => Triage.ChangeFor("ack", null),
        };
        var changed = 0;
        foreach (var id in ids ?? [])
        {
            // Each incident is checked for scope and workflow on its own; one refusal does not stop the rest.
            var (result, _) = await Triage.ApplyAsync(incidents, store, User, id, null, change!, HttpContext.RequestAborted).ConfigureAwait(false);
            if (result == TriageResult.Changed)
            {
                changed++;
            }
        }

        return Redirect(QueueUrl(back, changed));
    }

    public IActionResult OnPostSaveView(string? viewName, string? query)
    {
        if (!string.IsNullOrWhiteSpace(viewName))
        {
            store.SaveView(User.Name(), viewName.Trim(), (query ?? "").TrimStart('?'));
        }

        return Redirect("/" + (string.IsNullOrEmpty(query) ? "" : "?" + query.TrimStart('?')));
    }

    /// <summary>This page's query string with some parameters replaced (null removes one).</summary>
    public string With(params (string Key, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["status"] = Status,
            ["severity"] = Severity,
            ["agency"] = Agency,
            ["rule"] = Rule,
            ["category"] = Category,
            ["assignee"] = Assignee,
            ["from"] = From,
            ["to"] = To,
            ["deadline"] = Deadline,
            ["sort"] = Sort == "last_seen" ? null : Sort,
            ["asc"] = Asc ? "true" : null,
        };
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        var parts = values.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => kv.Key + "=" + Uri.EscapeDataString(kv.Value!));
        var query = string.Join("&", parts);
        return query.Length == 0 ? "/" : "/?" + query;
    }

    private QueueFilter Filter() => new()
    {
        Statuses = Status switch
        {
            null or "" or "open" => [],
            "all" => Vocabulary.Statuses,
            _ => [.. Status.Split(',').Where(Vocabulary.Statuses.Contains)],
        },
        Severity = Severity,
        AgencyId = Agency,
        RuleId = Rule,
        Category = Category,
        Assignee = Assignee,
        From = LocalTime.Parse(From),
        To = LocalTime.Parse(To),
        Sort = Sort,
        Descending = !Asc,
        Page = PageNumber,
        PageSize = PageSize,
    };

    private static string QueueUrl(string? back, int changed)
    {
        var url = back is not null && back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal) ? back : "/";
        return url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "done=" + changed;
    }
}
