using System.Globalization;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Forms;
using Soc.Console.Exports.Numbering;
using Soc.Console.Exports.Periodic;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Exports.Center;

/// <summary>
/// The periodic management report (PDF, DOCX, JSON) and Mẫu 05 for a period and an agency subtree, from the
/// store. Each export appends an audit entry about the root agency with the period and the file's SHA-256.
/// </summary>
public sealed class PeriodicExports(ISocStore store, SqliteStore accounts, PeriodicReportBuilder builder, FormTemplateLibrary library)
{
    public const string Form05 = IncidentForms.DefaultSet + "/mau-05";

    public async Task<ExportFile?> ReportAsync(string? agencyId, IReadOnlyList<string>? scope, DateTimeOffset from, DateTimeOffset to, string format, string actor, CancellationToken cancellationToken)
    {
        var data = await builder.BuildAsync(agencyId, scope, from, to, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            return null;
        }

        var context = ExportContext.Now(actor);
        var bytes = ExportFile.Render(s =>
        {
            switch (format)
            {
                case "json": PeriodicJsonExporter.Write(data, context, s); break;
                case "docx": PeriodicDocxExporter.Write(data, context, s); break;
                default: PeriodicPdfExporter.Write(data, context, s); break;
            }
        });
        var file = new ExportFile(bytes, ExportFile.ContentTypeOf(format), $"soc-periodic-{data.Agency.Id}-{Period(from, to)}.{format}");
        await store.AppendAuditAsync(
            new AuditRecord(actor, "report.periodic", "agency:" + data.Agency.Id, $"{Period(from, to)}, {format}, {data.Incidents.Count} incident(s), {bytes.Length} bytes, sha256 {file.Sha256}", context.GeneratedAt),
            cancellationToken).ConfigureAwait(false);
        return file;
    }

    /// <summary>Mẫu 05 for the period; issuing takes a number of the root agency's sequence.</summary>
    public async Task<ExportFile?> Form05Async(
        string? agencyId,
        IReadOnlyList<string>? scope,
        DateTimeOffset from,
        DateTimeOffset to,
        string format,
        bool issue,
        IReadOnlyDictionary<string, string>? overrides,
        string actor,
        CancellationToken cancellationToken)
    {
        var data = await builder.BuildAsync(agencyId, scope, from, to, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            return null;
        }

        var template = library.Get(Form05);
        var context = ExportContext.Now(actor);
        var document = FormFiller.Fill(template, FormSources.FromPeriod(data), data.Agency, context.GeneratedAt, null);
        foreach (var (code, value) in overrides ?? new Dictionary<string, string>())
        {
            document = document.With(code, value);
        }

        if (issue)
        {
            var number = accounts.IssueReportNumber(data.Agency, template.NumberSeries, context.GeneratedAt, new ReportNumberUse(template.Id, null, actor));
            document = document with { Number = number.Text };
        }

        var file = IncidentForms.Render(document, context, format, $"soc-{data.Agency.Id}-{Period(from, to)}");
        await IncidentForms.AuditAsync(store, context, issue, template, file, "agency:" + data.Agency.Id, cancellationToken).ConfigureAwait(false);
        return file;
    }

    private static string Period(DateTimeOffset from, DateTimeOffset to) => string.Create(
        CultureInfo.InvariantCulture,
        $"{ReportClock.ToLocal(from):yyyyMMdd}-{ReportClock.ToLocal(to.AddTicks(-1)):yyyyMMdd}");
}
