using System.Text.Json;
using System.Text.Json.Nodes;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Model;

namespace Soc.Console.Exports.Incident;

/// <summary>
/// The complete, machine-readable incident report: the input model unchanged under "incident", plus the
/// derived facts a reader would otherwise recompute (category name, times and deadlines in both zones). <see cref="Read"/>
/// accepts this envelope or a bare <see cref="IncidentReportData"/> (older files without deadlines too), so the
/// JSON export re-renders offline.
/// </summary>
public static class IncidentJsonExporter
{
    public const string Schema = "soc.incident-report/1";

    public static void Write(IncidentReportData data, ExportContext context, Stream output)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        var category = NationalCategories.Get(data.NationalCategory);
        var envelope = new JsonObject
        {
            ["schema"] = Schema,
            ["generatedAt"] = ReportClock.IsoLocal(context.GeneratedAt),
            ["generatedBy"] = context.GeneratedBy,
            ["timeZone"] = ReportClock.Zone.Id,
            ["nationalCategory"] = new JsonObject { ["code"] = category.Code, ["vi"] = category.NameVi, ["en"] = category.NameEn },
            ["times"] = new JsonObject
            {
                ["detected"] = Both(data.DetectedAt),
                ["acknowledged"] = Both(data.AcknowledgedAt),
                ["closed"] = Both(data.ClosedAt),
            },
            ["deadlines"] = new JsonArray([.. data.Deadlines.Select(d => (JsonNode)new JsonObject
            {
                ["key"] = d.Key,
                ["name"] = d.Name,
                ["legalSource"] = d.LegalSource,
                ["due"] = Both(d.DueAt),
                ["state"] = d.State,
                ["met"] = Both(d.MetAt),
            })]),
            ["incident"] = JsonSerializer.SerializeToNode(data, ReportJson.Options),
        };
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = ReportJson.Options.Encoder });
        envelope.WriteTo(writer, ReportJson.Options);
    }

    public static IncidentReportData Read(Stream input)
    {
        var node = JsonNode.Parse(input) ?? throw new InvalidDataException("empty JSON");
        var incident = node is JsonObject obj && obj.TryGetPropertyValue("incident", out var inner) && inner is not null ? inner : node;
        return incident.Deserialize<IncidentReportData>(ReportJson.Options) ?? throw new InvalidDataException("no incident in JSON");
    }

    private static JsonObject? Both(DateTimeOffset? at) => at is { } value
        ? new JsonObject { ["utc"] = ReportClock.IsoUtc(value), ["local"] = ReportClock.IsoLocal(value) }
        : null;
}
