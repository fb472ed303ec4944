using CsvHelper;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Model;

namespace Soc.Console.Exports.Incident;

/// <summary>
/// Alerts and evidence events of one incident as one CSV (one row per alert or event, a "kind" column tells
/// which), UTF-8 with BOM so spreadsheet programs show Vietnamese correctly. Text that a spreadsheet would run
/// as a formula (=, +, -, @ first) is escaped with a leading apostrophe: log lines are attacker-controlled. The JSON
/// export keeps the exact original text.
/// </summary>
public static class IncidentCsvExporter
{
    public static IReadOnlyList<string> Header { get; } =
        ["incident_id", "kind", "time_utc", "time_local", "actor_or_host", "rule_id", "rule_title", "level", "text"];

    public static void Write(IncidentReportData data, Stream output)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(output);
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true);
        foreach (var column in Header)
        {
            csv.WriteField(column);
        }

        csv.EndRecord();
        foreach (var alert in data.Timeline.Where(e => e.Kind == TimelineEntryKind.Alert).OrderBy(e => e.At))
        {
            var rule = data.Rules.FirstOrDefault(r => r.Id == alert.RuleId);
            Row(csv, data.Id, "alert", alert.At, alert.Actor, rule?.Id, rule?.Title, rule?.Level, alert.Text);
        }

        foreach (var e in data.Events.OrderBy(e => e.At))
        {
            Row(csv, data.Id, "event", e.At, e.Host, null, null, null, e.Original);
        }
    }

    private static void Row(CsvWriter csv, string id, string kind, DateTimeOffset at, string? who, string? ruleId, string? ruleTitle, string? level, string text)
    {
        csv.WriteField(id);
        csv.WriteField(kind);
        csv.WriteField(ReportClock.IsoUtc(at));
        csv.WriteField(ReportClock.IsoLocal(at));
        csv.WriteField(who ?? string.Empty);
        csv.WriteField(ruleId ?? string.Empty);
        csv.WriteField(ruleTitle ?? string.Empty);
        csv.WriteField(level ?? string.Empty);
        csv.WriteField(text);
        csv.EndRecord();
    }
}
