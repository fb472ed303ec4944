using System.Globalization;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Forms;
using Soc.Console.Exports.Numbering;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Exports.Center;

/// <summary>
/// National forms about one incident (Mẫu 03, Mẫu 04): filled from the store, edited by the analyst, then
/// rendered as a draft (no number) or issued (a number from the agency's sequence in the store). Mẫu 04
/// refers to the newest Mẫu 03 issued for the same incident. Every export appends an audit entry with the
/// template, the number and the file's SHA-256.
/// </summary>
public sealed class IncidentForms(ISocStore store, SqliteStore accounts, IncidentReportBuilder builder, FormTemplateLibrary library)
{
    /// <summary>The set of a bare form id such as "mau-03" when none is given.</summary>
    public const string DefaultSet = "tt20-2017";

    /// <summary>"tt20-2017/mau-03" from a form name and an optional set; null when no such template is loaded.</summary>
    public FormTemplate? Find(string form, string? set)
    {
        var id = form.Contains('/', StringComparison.Ordinal) ? form : (set ?? DefaultSet) + "/" + form;
        return library.All.Where(t => t.Id == id).MaxBy(t => t.Version);
    }

    /// <summary>Templates about one incident (those that do not need a period).</summary>
    public IReadOnlyList<FormTemplate> IncidentTemplates =>
        [.. library.All.Where(t => !t.Fields.Any(f => f.Source?.StartsWith("period.", StringComparison.Ordinal) == true))
            .GroupBy(t => t.Id).Select(g => g.MaxBy(t => t.Version)!).OrderBy(t => t.Id, StringComparer.Ordinal)];

    /// <summary>The form filled from the incident, without a number; null when the incident is absent or out of scope.</summary>
    public async Task<FormDocument?> DraftAsync(long incidentId, FormTemplate template, IReadOnlyList<string>? agencyScope, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        var data = await builder.BuildAsync(incidentId, agencyScope, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            return null;
        }

        return FormFiller.Fill(template, FormSources.FromIncident(data, at, InitialReport(incidentId, template)), data.Agency, at, null);
    }

    /// <summary>
    /// Renders the form with the analyst's <paramref name="overrides"/> (field code → value). Issuing takes the
    /// next number of the incident's agency; a draft takes none. Null when the incident is absent or out of scope;
    /// an unknown field code throws <see cref="ArgumentException"/>.
    /// </summary>
    public async Task<ExportFile?> ExportAsync(
        long incidentId,
        FormTemplate template,
        IReadOnlyList<string>? agencyScope,
        IReadOnlyDictionary<string, string>? overrides,
        string format,
        bool issue,
        string actor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        var context = ExportContext.Now(actor);
        var document = await DraftAsync(incidentId, template, agencyScope, context.GeneratedAt, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return null;
        }

        foreach (var (code, value) in overrides ?? new Dictionary<string, string>())
        {
            document = document.With(code, value);
        }

        if (issue)
        {
            var number = accounts.IssueReportNumber(document.Agency, template.NumberSeries, context.GeneratedAt, new ReportNumberUse(template.Id, incidentId, actor));
            document = document with { Number = number.Text };
        }

        var file = Render(document, context, format, "soc-incident-" + incidentId.ToString(CultureInfo.InvariantCulture));
        await AuditAsync(store, context, issue, template, file, "incident:" + incidentId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        return file;
    }

    internal static ExportFile Render(FormDocument document, ExportContext context, string format, string namePrefix)
    {
        var bytes = ExportFile.Render(s =>
        {
            if (format == "pdf")
            {
                FormPdfExporter.Write(document, context, s);
            }
            else
            {
                FormDocxExporter.Write(document, context, s);
            }
        });
        var form = document.Template.Id[(document.Template.Id.LastIndexOf('/') + 1)..];
        var suffix = document.Number is null ? "-draft" : "-" + document.Number.Split('/')[0];
        return new ExportFile(bytes, ExportFile.ContentTypeOf(format), $"{namePrefix}-{form}{suffix}.{format}", document.Number);
    }

    internal static Task<AuditEntry> AuditAsync(ISocStore store, ExportContext context, bool issued, FormTemplate template, ExportFile file, string subject, CancellationToken cancellationToken) =>
        store.AppendAuditAsync(
            new AuditRecord(
                context.GeneratedBy,
                issued ? "report.form.issue" : "report.form.draft",
                subject,
                $"{template.Id} v{template.Version}, number {file.Number ?? "-"}, {Path.GetExtension(file.FileName).TrimStart('.')}, {file.Content.Length} bytes, sha256 {file.Sha256}",
                context.GeneratedAt),
            cancellationToken);

    /// <summary>
    /// The initial report a final report refers to: the newest number issued for the same incident with the
    /// same set's Mẫu 03. Only templates that print it (initialReport.* sources) look it up.
    /// </summary>
    private InitialReportReference? InitialReport(long incidentId, FormTemplate template)
    {
        if (!template.Fields.Any(f => f.Source?.StartsWith("initialReport.", StringComparison.Ordinal) == true))
        {
            return null;
        }

        var initialId = template.Id[..(template.Id.LastIndexOf('/') + 1)] + "mau-03";
        var issued = accounts.ListReportNumbers(incidentId, initialId, 1);
        return issued.Count == 0 ? null : new InitialReportReference(issued[0].Number.Text, issued[0].IssuedAt);
    }
}
