using System.Globalization;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Model;

namespace Soc.Console.Exports.Forms;

/// <summary>
/// The named values templates may fill fields from (<see cref="FormField.Source"/>). Keys are part of the
/// template format: renaming one breaks templates, so add keys, do not rename them.
/// </summary>
public sealed class FormSources
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<IReadOnlyList<string>>> _tables = new(StringComparer.Ordinal);

    /// <summary>Every key a template may name; the template loader rejects others.</summary>
    public static IReadOnlySet<string> KnownKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "agency.name", "agency.parent", "agency.address", "agency.phone", "agency.email", "agency.networkMemberCode",
        "contact.name", "contact.position", "contact.phone", "contact.email",
        "system.operatingUnit", "system.owningAgency", "system.name", "system.securityLevel", "system.securityServiceProvider",
        "system.internetServiceProvider", "system.operatingSystem", "system.services", "system.securityMeasures",
        "system.publicAddresses", "system.domainNames", "system.purpose",
        "incident.id", "incident.title", "incident.description", "incident.category", "incident.detectedDate", "incident.detectedTime",
        "incident.status", "incident.detectionMethod", "incident.attachments", "incident.result", "incident.closedAt",
        "initialReport.number", "initialReport.date", "report.time",
        "period.from", "period.to", "summary.byCategory", "summary.domesticHelpers", "summary.foreignHelpers", "summary.recommendations",
    };

    public IReadOnlyDictionary<string, string> Values => _values;

    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Tables => _tables;

    public static FormSources FromIncident(IncidentReportData data, DateTimeOffset reportTime, InitialReportReference? initialReport = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sources = new FormSources();
        sources.AddAgency(data.Agency);
        var system = data.System;
        sources.Set("system.operatingUnit", system.OperatingUnit);
        sources.Set("system.owningAgency", system.OwningAgency);
        sources.Set("system.name", system.Name);
        sources.Set("system.securityLevel", system.SecurityLevel?.ToString(CultureInfo.InvariantCulture));
        sources.Set("system.securityServiceProvider", system.SecurityServiceProvider);
        sources.Set("system.internetServiceProvider", system.InternetServiceProvider);
        sources.Set("system.operatingSystem", system.OperatingSystem);
        sources.Set("system.services", string.Join("\n", system.Services));
        sources.Set("system.securityMeasures", string.Join("\n", system.SecurityMeasures));
        sources.Set("system.publicAddresses", string.Join(", ", system.PublicAddresses));
        sources.Set("system.domainNames", string.Join(", ", system.DomainNames));
        sources.Set("system.purpose", system.Purpose);

        var category = NationalCategories.Get(data.NationalCategory);
        var detected = ReportClock.ToLocal(data.DetectedAt);
        sources.Set("incident.id", data.Id);
        sources.Set("incident.title", data.Title);
        sources.Set("incident.category", category.Code.ToString(CultureInfo.InvariantCulture) + ". " + category.NameVi);
        sources.Set("incident.description", Description(data, category));
        sources.Set("incident.detectedDate", detected.ToString("dd/MM/yy", CultureInfo.InvariantCulture));
        sources.Set("incident.detectedTime", detected.ToString("HH:mm", CultureInfo.InvariantCulture) + " (UTC+07:00)");
        sources.Set("incident.status", data.Status);
        sources.Set("incident.detectionMethod", string.Join("\n", ["monitoring", .. data.Rules.Select(r => "Luật phát hiện: " + r.Title + " (" + r.Id + ")")]));
        sources.Set("incident.attachments", string.Join("\n", data.Evidence.Select(e => e.Name + " — SHA-256 " + e.Sha256)));
        sources.Set("incident.result", Result(data));
        sources.Set("incident.closedAt", data.ClosedAt is { } closed ? ReportClock.Local(closed) : null);
        sources.Set("initialReport.number", initialReport?.Number);
        sources.Set("initialReport.date", initialReport is null ? null : ReportClock.ToLocal(initialReport.IssuedAt).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        sources.Set("report.time", ReportClock.ToLocal(reportTime).ToString("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy", CultureInfo.InvariantCulture) + " (UTC+07:00)");
        return sources;
    }

    public static FormSources FromPeriod(PeriodicReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sources = new FormSources();
        sources.AddAgency(data.Agency);
        sources.Set("period.from", ReportClock.ToLocal(data.From).ToString("MM/yyyy", CultureInfo.InvariantCulture));
        sources.Set("period.to", ReportClock.ToLocal(data.To.AddTicks(-1)).ToString("MM/yyyy", CultureInfo.InvariantCulture));
        sources.Set("summary.domesticHelpers", data.DomesticHelpers);
        sources.Set("summary.foreignHelpers", data.ForeignHelpers);
        sources.Set("summary.recommendations", data.Recommendations);
        sources._tables["summary.byCategory"] = Form05Summary.Table(Form05Summary.Count(data));
        return sources;
    }

    private static string Description(IncidentReportData data, NationalCategory category)
    {
        var lines = new List<string> { data.Title };
        if (!string.IsNullOrWhiteSpace(data.Summary))
        {
            lines.Add(data.Summary);
        }

        lines.Add("Loại sự cố: " + category.Code.ToString(CultureInfo.InvariantCulture) + ". " + category.NameVi + "; mức độ: " + ReportLabels.Severity(data.Severity) + ".");
        if (data.Techniques.Count > 0)
        {
            lines.Add("Kỹ thuật ATT&CK: " + string.Join("; ", data.Techniques.Select(t => t.Id + " " + t.Name)) + ".");
        }

        lines.Add("Mã sự cố trong Soc: " + data.Id + ".");
        return string.Join("\n", lines);
    }

    private static string Result(IncidentReportData data)
    {
        var lines = new List<string> { "Kết luận: " + ReportLabels.ClosingReason(data.ClosingReason) + "." };
        lines.AddRange(data.Timeline.Where(e => e.Kind == TimelineEntryKind.Note).OrderBy(e => e.At)
            .Select(e => ReportClock.Local(e.At) + " — " + e.Actor + ": " + e.Text));
        return string.Join("\n", lines);
    }

    private void AddAgency(AgencyProfile agency)
    {
        Set("agency.name", agency.Name);
        Set("agency.parent", agency.ParentName);
        Set("agency.address", agency.Address);
        Set("agency.phone", agency.Phone);
        Set("agency.email", agency.Email);
        Set("agency.networkMemberCode", agency.NetworkMemberCode);
        Set("contact.name", agency.Contact?.Name);
        Set("contact.position", agency.Contact?.Position);
        Set("contact.phone", agency.Contact?.Phone);
        Set("contact.email", agency.Contact?.Email);
    }

    private void Set(string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            _values[key] = value;
        }
    }
}
