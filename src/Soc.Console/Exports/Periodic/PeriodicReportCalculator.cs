using Soc.Console.Exports.Common;
using Soc.Console.Exports.Model;

namespace Soc.Console.Exports.Periodic;

/// <summary>Counts and means over the incidents detected in the period (all of them, false positives included).</summary>
public static class PeriodicReportCalculator
{
    public const int TopRuleCount = 10;

    public static PeriodicReportStatistics Compute(PeriodicReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var incidents = data.Incidents.Where(i => i.DetectedAt >= data.From && i.DetectedAt < data.To).ToList();
        return new PeriodicReportStatistics
        {
            Total = incidents.Count,
            ByCategory = [.. NationalCategories.All.Select(c => new CountRow(c.Code + ". " + c.NameVi, incidents.Count(i => NationalCategories.Get(i.NationalCategory).Code == c.Code)))],
            BySeverity = [.. incidents.GroupBy(i => i.Severity).OrderBy(g => ReportLabels.SeverityRank(g.Key)).Select(g => new CountRow(ReportLabels.Severity(g.Key), g.Count()))],
            ByStatus = [.. incidents.GroupBy(i => i.Status).OrderByDescending(g => g.Count()).Select(g => new CountRow(ReportLabels.Status(g.Key), g.Count()))],
            ByAgency = [.. incidents.GroupBy(i => i.AgencyName).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => new CountRow(g.Key, g.Count()))],
            MeanTimeToDetect = Mean(incidents.Where(i => i.FirstEventAt is not null).Select(i => i.DetectedAt - i.FirstEventAt!.Value)),
            MeanTimeToAcknowledge = Mean(incidents.Where(i => i.AcknowledgedAt is not null).Select(i => i.AcknowledgedAt!.Value - i.DetectedAt)),
            MeanTimeToResolve = Mean(incidents.Where(i => i.ClosedAt is not null).Select(i => i.ClosedAt!.Value - i.DetectedAt)),
            TopRules = TopRules(incidents),
            Collectors = [.. data.Collectors.OrderBy(c => c.AgencyName, StringComparer.Ordinal).ThenBy(c => c.CollectorId, StringComparer.Ordinal)],
            SilentCollectors = [.. data.Collectors.Where(c => c.EventCount == 0).OrderBy(c => c.AgencyName, StringComparer.Ordinal)],
        };
    }

    private static List<RuleEffectiveness> TopRules(List<IncidentSummary> incidents) =>
        [.. incidents
            .SelectMany(i => i.Rules.DistinctBy(r => r.Id).Select(r => (Rule: r, Incident: i)))
            .GroupBy(x => x.Rule.Id)
            .Select(g => new RuleEffectiveness(
                g.Key,
                g.First().Rule.Title,
                g.First().Rule.Author,
                g.Count(),
                g.Count(x => x.Incident.ClosingReason == "true_positive"),
                g.Count(x => x.Incident.ClosingReason == "false_positive"),
                g.Count(x => x.Incident.ClosedAt is null)))
            .OrderByDescending(r => r.Incidents)
            .ThenBy(r => r.Title, StringComparer.Ordinal)
            .Take(TopRuleCount)];

    private static TimeSpan? Mean(IEnumerable<TimeSpan> spans)
    {
        var list = spans.ToList();
        return list.Count == 0 ? null : TimeSpan.FromTicks((long)list.Average(s => s.Ticks));
    }
}
