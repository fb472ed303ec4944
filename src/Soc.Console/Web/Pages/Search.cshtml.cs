using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Soc.Console.Localization;
using Soc.Console.Search;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Web.Pages;

/// <summary>
/// Event search with the center's query syntax, over the user's agency scope: a time range, results
/// newest first with cursor paging, top values of common fields over every matching event (each a pivot;
/// the store may count only the newest N, and then the page says so), and a
/// CSV export of up to <see cref="ExportLimit"/> events (audited).
/// </summary>
public sealed class SearchModel(ISocStore store, IConsoleReads reads, SqliteStore accounts) : PageModel
{
    public const int PageSize = 100;
    public const int ExportLimit = 10_000;

    /// <summary>Fields offered as facets, the ones analysts pivot on most.</summary>
    public static readonly IReadOnlyList<string> FacetFields = ["host.name", "source.ip", "user.name", "event.dataset", "event.outcome", "process.name", "url.path", "http.response.status_code"];

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string Range { get; set; } = "24h";
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public EventPage? Result { get; private set; }
    public long Total { get; private set; }
    public string? Error { get; private set; }
    public const int FacetTop = 6;

    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets { get; private set; } = new Dictionary<string, IReadOnlyList<FacetValue>>();

    /// <summary>Null when the facets counted every matching event, else how many of the newest they counted.</summary>
    public long? FacetSample { get; private set; }

    public async Task OnGetAsync()
    {
        if (Build() is not { } query)
        {
            return;
        }

        var ct = HttpContext.RequestAborted;
        Result = await store.SearchEventsAsync(query with { Limit = PageSize, Cursor = Cursor }, ct).ConfigureAwait(false);
        Total = await store.CountEventsAsync(query, ct).ConfigureAwait(false);
        var facets = await reads.FacetEventsAsync(query, FacetFields, FacetTop, ct).ConfigureAwait(false);
        Facets = facets.Fields;
        FacetSample = facets.SampledNewest;
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        if (Build() is not { } query)
        {
            return BadRequest(Error ?? "");
        }

        var ct = HttpContext.RequestAborted;
        var page = await store.SearchEventsAsync(query with { Limit = ExportLimit }, ct).ConfigureAwait(false);
        await store.AppendAuditAsync(new AuditRecord(User.Name(), "events.export", "search", $"csv, {page.Events.Count} events, q='{Q}', range {Range}", DateTimeOffset.UtcNow), ct).ConfigureAwait(false);
        var csv = new StringBuilder(Csv.Line("time_local", "time_utc", "agency", "host", "dataset", "message", "id"));
        foreach (var e in page.Events)
        {
            csv.Append(Csv.Line(LocalTime.FormatSeconds(e.Timestamp), e.Timestamp.UtcDateTime.ToString("o", CultureInfo.InvariantCulture), e.AgencyId, e.Host, e.Dataset, e.Message, e.Id));
        }

        return File(Csv.Encode(csv.ToString()), "text/csv; charset=utf-8", "soc-events.csv");
    }

    /// <summary>The query with one more <c>field:"value"</c> term ANDed on: the pivot from a value to a filtered search.</summary>
    public string Pivot(string field, string value, bool exclude = false)
    {
        var term = (exclude ? "NOT " : "") + field + ":\"" + value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        var q = string.IsNullOrWhiteSpace(Q) ? term : Q.Trim() + " " + term;
        return $"/search?q={Uri.EscapeDataString(q)}&{TimeQuery}";
    }

    /// <summary>The time part of this search's query string, for links that keep it.</summary>
    public string TimeQuery => $"range={Uri.EscapeDataString(Range)}&from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}";

    private EventQuery? Build()
    {
        var now = DateTimeOffset.UtcNow;
        var from = Range switch
        {
            "1h" => now.AddHours(-1),
            "7d" => now.AddDays(-7),
            "30d" => now.AddDays(-30),
            "all" => (DateTimeOffset?)null,
            _ => now.AddHours(-24),
        };
        // Explicit local times (dd/MM/yyyy HH:mm) win over the preset range.
        var to = LocalTime.Parse(To);
        from = LocalTime.Parse(From) ?? from;
        try
        {
            return new EventQuery(QueryParser.Parse(Q), from, to, UserClaims.AgencyScope(User, accounts));
        }
        catch (QuerySyntaxException ex)
        {
            Error = ex.Message;
            return null;
        }
    }
}
