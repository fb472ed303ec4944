using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Soc.Console.Exports.Center;
using Soc.Console.Exports.Common;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Web.Pages;

/// <summary>
/// Periodic reports (every role, within its agency subtree): the management report as PDF, DOCX or JSON and
/// Mẫu 05 for a period. Issuing a numbered Mẫu 05 is for admin and analyst; others download a draft.
/// Downloads are POSTs with the anti-forgery token, and each is audited.
/// </summary>
public sealed class ReportsModel(SqliteStore accounts, PeriodicExports exports) : PageModel
{
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public string From { get; private set; } = "";
    public string To { get; private set; } = "";
    public string? Error { get; private set; }
    public bool WholeProvince { get; private set; }

    public void OnGet(string? preset)
    {
        var (from, to) = ReportPeriod.Preset(preset ?? "month", DateTimeOffset.UtcNow);
        Load(from, to);
    }

    public Task<IActionResult> OnPostPeriodicAsync(string? preset, string? from, string? to, string? agency, string? format) =>
        ExportAsync(preset, from, to, agency, (start, end, root, scope) =>
            exports.ReportAsync(root, scope, start, end, format is "docx" or "json" ? format : "pdf", User.Name(), HttpContext.RequestAborted));

    public Task<IActionResult> OnPostForm05Async(string? preset, string? from, string? to, string? agency, string? format, string? mode)
    {
        var issue = mode == "issue";
        if (issue && !User.CanTriage())
        {
            return Task.FromResult<IActionResult>(Forbid());
        }

        return ExportAsync(preset, from, to, agency, (start, end, root, scope) =>
            exports.Form05Async(root, scope, start, end, format == "pdf" ? "pdf" : "docx", issue, null, User.Name(), HttpContext.RequestAborted));
    }

    private async Task<IActionResult> ExportAsync(
        string? preset, string? from, string? to, string? agency, Func<DateTimeOffset, DateTimeOffset, string?, IReadOnlyList<string>?, Task<ExportFile?>> export)
    {
        DateTimeOffset start, end;
        if (!string.IsNullOrEmpty(preset))
        {
            (start, end) = ReportPeriod.Preset(preset, DateTimeOffset.UtcNow);
        }
        else if (!ReportPeriod.TryParse(from, to, DateTimeOffset.UtcNow, out start, out end))
        {
            Error = "rep.badperiod";
            Load(ReportPeriod.Preset("month", DateTimeOffset.UtcNow).From, DateTimeOffset.UtcNow);
            return Page();
        }

        var root = string.IsNullOrEmpty(agency) ? User.FindFirst(UserClaims.AgencyClaim)?.Value : agency;
        var file = await export(start, end, root, UserClaims.AgencyScope(User, accounts)).ConfigureAwait(false);
        return file is null ? NotFoundPage.Result() : File(file.Content, file.ContentType, file.FileName);
    }

    private void Load(DateTimeOffset from, DateTimeOffset to)
    {
        var scope = UserClaims.AgencyScope(User, accounts);
        WholeProvince = scope is null;
        Agencies = [.. accounts.ListAgencies().Where(a => scope is null || scope.Contains(a.Id))];
        From = ReportClock.ToLocal(from).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To = ReportClock.ToLocal(to).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
