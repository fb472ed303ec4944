using System.Text.Json;
using System.Text.Json.Nodes;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Model;

namespace Soc.Console.Exports.Periodic;

/// <summary>The periodic report's figures, machine-readable (durations in seconds).</summary>
public static class PeriodicJsonExporter
{
    public const string Schema = "soc.periodic-report/1";

    public static void Write(PeriodicReportData data, ExportContext context, Stream output)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        var stats = PeriodicReportCalculator.Compute(data);
        var root = new JsonObject
        {
            ["schema"] = Schema,
            ["generatedAt"] = ReportClock.IsoLocal(context.GeneratedAt),
            ["generatedBy"] = context.GeneratedBy,
            ["agency"] = data.Agency.Id,
            ["from"] = ReportClock.IsoLocal(data.From),
            ["to"] = ReportClock.IsoLocal(data.To),
            ["meanSecondsToDetect"] = stats.MeanTimeToDetect?.TotalSeconds,
            ["meanSecondsToAcknowledge"] = stats.MeanTimeToAcknowledge?.TotalSeconds,
            ["meanSecondsToResolve"] = stats.MeanTimeToResolve?.TotalSeconds,
            ["statistics"] = JsonSerializer.SerializeToNode(stats with { MeanTimeToDetect = null, MeanTimeToAcknowledge = null, MeanTimeToResolve = null }, ReportJson.Options),
        };
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = ReportJson.Options.Encoder });
        root.WriteTo(writer, ReportJson.Options);
    }
}
