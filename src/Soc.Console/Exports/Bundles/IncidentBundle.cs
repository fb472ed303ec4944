using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Soc.Console.Exports.Audit;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Incident;
using Soc.Console.Exports.Model;

namespace Soc.Console.Exports.Bundles;

/// <summary>
/// The usual bundle for one incident: its report in all four formats, any extra reports (filled forms),
/// the evidence files — each checked against the SHA-256 recorded in the incident — and the audit slice.
/// </summary>
public static class IncidentBundle
{
    public static BundleManifest Write(
        IncidentReportData data,
        IReadOnlyList<BundleFile> evidence,
        AuditTrailSlice? audit,
        IReadOnlyList<BundleFile> extraReports,
        X509Certificate2 signer,
        ExportContext context,
        Stream output)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(extraReports);
        foreach (var file in evidence)
        {
            var recorded = data.Evidence.FirstOrDefault(e => e.Name == file.Path)
                ?? throw new ArgumentException($"evidence/{file.Path} is not in the incident's evidence list", nameof(evidence));
            if (Convert.ToHexStringLower(SHA256.HashData(file.Content.Span)) != recorded.Sha256)
            {
                throw new InvalidDataException($"evidence/{file.Path}: SHA-256 differs from the one recorded when it was collected");
            }
        }

        var reports = new List<BundleFile>
        {
            Render(data.Id + ".pdf", s => IncidentPdfExporter.Write(data, context, s)),
            Render(data.Id + ".docx", s => IncidentDocxExporter.Write(data, context, s)),
            Render(data.Id + ".json", s => IncidentJsonExporter.Write(data, context, s)),
            Render(data.Id + ".csv", s => IncidentCsvExporter.Write(data, s)),
        };
        reports.AddRange(extraReports);
        var content = new AuditBundleContent { IncidentIds = [data.Id], Reports = reports, Evidence = evidence, Audit = audit };
        return AuditBundleBuilder.Write(content, signer, context, output);
    }

    private static BundleFile Render(string name, Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return new BundleFile(name, stream.ToArray());
    }
}
