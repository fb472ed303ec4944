using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Soc.Console.Localization;
using Soc.Console.Security;
using Soc.Console.Storage;

namespace Soc.Console.Web.Pages;

/// <summary>
/// The audit trail for auditors and admins: the newest entries (optionally of one subject), the hash
/// chain verified on every view, and a CSV export that is itself audited.
/// </summary>
[Authorize(Policy = Policies.Audit)]
public sealed class AuditModel(ISocStore store) : PageModel
{
    public const int Shown = 500;

    /// <summary>A subject such as <c>incident:12</c> or <c>user:admin</c>; empty for everything.</summary>
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public AuditVerification Verification { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Verification = await store.VerifyAuditAsync(ct).ConfigureAwait(false);
        Entries = await store.ListAuditAsync(SubjectOrNull, Shown, ct).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var ct = HttpContext.RequestAborted;
        var entries = await store.ListAuditAsync(SubjectOrNull, 10_000, ct).ConfigureAwait(false);
        await store.AppendAuditAsync(new AuditRecord(User.Name(), "audit.export", SubjectOrNull ?? "audit", $"csv, {entries.Count} entries", DateTimeOffset.UtcNow), ct).ConfigureAwait(false);
        var csv = new StringBuilder(Csv.Line("seq", "utc", "local", "actor", "action", "subject", "details", "prev_hash", "hash"));
        foreach (var e in entries.Reverse())
        {
            csv.Append(Csv.Line(e.Sequence.ToString(CultureInfo.InvariantCulture), e.Time.UtcDateTime.ToString("o", CultureInfo.InvariantCulture),
                LocalTime.FormatSeconds(e.Time), e.Actor, e.Action, e.Subject, e.Details, e.PreviousHash, e.Hash));
        }

        return File(Csv.Encode(csv.ToString()), "text/csv; charset=utf-8", "soc-audit.csv");
    }

    private string? SubjectOrNull => string.IsNullOrWhiteSpace(Subject) ? null : Subject.Trim();
}
