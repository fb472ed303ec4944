using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Soc.Console.Exports.Center;
using Soc.Console.Exports.Forms;
using Soc.Console.Security;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Web.Pages;

/// <summary>
/// The editor of one national form about an incident (<c>/incidents/{id}/forms/mau-03?set=tt20-2017</c>): every
/// field of the template, filled from the store, as an input; mandatory fields marked. "Draft PDF" takes no
/// number; "Issue PDF/DOCX" (admin, analyst) takes the agency's next number. The file downloads; each export is audited.
/// </summary>
public sealed class IncidentFormModel(SqliteStore accounts, IncidentForms forms) : PageModel
{
    public long IncidentId { get; private set; }
    public FormDocument Document { get; private set; } = null!;
    public IReadOnlyList<string> Missing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, string form, string? set)
    {
        if (forms.Find(form, set) is not { } template || !forms.IncidentTemplates.Contains(template))
        {
            return NotFoundPage.Result();
        }

        var document = await forms.DraftAsync(id, template, UserClaims.AgencyScope(User, accounts), DateTimeOffset.UtcNow, HttpContext.RequestAborted).ConfigureAwait(false);
        if (document is null)
        {
            return NotFoundPage.Result();
        }

        (IncidentId, Document, Missing) = (id, document, document.MissingRequired());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string form, string? set, string? command, [FromForm(Name = "f")] Dictionary<string, string>? f)
    {
        if (forms.Find(form, set) is not { } template || !forms.IncidentTemplates.Contains(template))
        {
            return NotFoundPage.Result();
        }

        var issue = command is "issue-pdf" or "issue-docx";
        if (issue && !User.CanTriage())
        {
            return Forbid();
        }

        // Browsers post text areas with CRLF; the forms keep one value line per LF.
        var overrides = (f ?? []).Where(p => template.Fields.Any(x => x.Code == p.Key && x.Kind != FormFieldKind.Table))
            .ToDictionary(p => p.Key, p => (p.Value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal), StringComparer.Ordinal);
        var format = command == "issue-docx" ? "docx" : "pdf";
        var file = await forms.ExportAsync(id, template, UserClaims.AgencyScope(User, accounts), overrides, format, issue, User.Name(), HttpContext.RequestAborted).ConfigureAwait(false);
        return file is null ? NotFoundPage.Result() : File(file.Content, file.ContentType, file.FileName);
    }
}
