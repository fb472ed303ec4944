using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Soc.Console.Localization;
using Soc.Console.Security;
using Soc.Console.Storage.Sqlite;
using Soc.Console.Web.Data;

namespace Soc.Console.Web.Pages;

/// <summary>The audit trail for auditors and admins: browse, verify the hash chain, export as CSV (the export is itself audited).</summary>
[Authorize(Policy = Policies.Audit)]
public sealed class AuditModel(SqliteStore store) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public AuditVerification Verification { get; private set; } = null!;

    public void OnGet()
    {
        Verification = store.VerifyAudit();
        Entries = store.ListAudit(Q, PageSize, (Math.Max(PageNumber, 1) - 1) * PageSize);
    }

    public IActionResult OnGetExport()
    {
        var entries = store.ListAudit(Q, 100_000);
        store.Audit(User.Name(), "audit.export", "audit", after: $"csv, {entries.Count} entries" + (string.IsNullOrWhiteSpace(Q) ? "" : $", filter '{Q}'"));
        var csv = new StringBuilder(Csv.Line("seq", "utc", "local", "actor", "action", "target", "agency", "before", "after", "prev_hash", "hash"));
        foreach (var e in entries)
        {
            csv.Append(Csv.Line(e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), e.At.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                LocalTime.FormatSeconds(e.At), e.Actor, e.Action, e.Target, e.AgencyId, e.Before, e.After, e.PreviousHash, e.Hash));
        }

        return File(Csv.Encode(csv.ToString()), "text/csv; charset=utf-8", "soc-audit.csv");
    }
}
