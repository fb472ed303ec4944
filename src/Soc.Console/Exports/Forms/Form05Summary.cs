using System.Globalization;
using Soc.Console.Exports.Model;

namespace Soc.Console.Exports.Forms;

/// <summary>
/// Counts for Mẫu 05: incidents detected in [From, To), one row per national category plus a total row.
/// Incidents closed as false positive, benign or duplicate are not incidents and are not counted.
/// </summary>
public static class Form05Summary
{
    public static IReadOnlySet<string> NotIncidents { get; } = new HashSet<string>(StringComparer.Ordinal) { "false_positive", "benign", "duplicate" };

    /// <summary>Ten category rows in code order, then the total row (code 0).</summary>
    public static IReadOnlyList<Form05Row> Count(PeriodicReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counted = data.Incidents
            .Where(i => i.DetectedAt >= data.From && i.DetectedAt < data.To)
            .Where(i => i.ClosingReason is null || !NotIncidents.Contains(i.ClosingReason))
            .ToList();
        var rows = NationalCategories.All.Select(c => Row(c.Code, c.NameVi, counted.Where(i => NationalCategories.Get(i.NationalCategory).Code == c.Code).ToList())).ToList();
        rows.Add(Row(0, "Tổng cộng", counted));
        return rows;
    }

    public static IReadOnlyList<IReadOnlyList<string>> Table(IReadOnlyList<Form05Row> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [.. rows.Select(r => (IReadOnlyList<string>)
        [
            r.Code == 0 ? string.Empty : r.Code.ToString(CultureInfo.InvariantCulture),
            r.Category,
            N(r.Count), N(r.InHouse), N(r.DomesticSupport), N(r.ForeignSupport), N(r.NationalSupportRequested),
            // Vietnamese digit grouping with dots: 12.500.000.
            r.EstimatedDamageVnd.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", ".", StringComparison.Ordinal),
        ])];
    }

    private static Form05Row Row(int code, string name, List<IncidentSummary> incidents) => new(
        code,
        name,
        incidents.Count,
        incidents.Count(i => i.Handling == HandlingMode.InHouse),
        incidents.Count(i => i.Handling == HandlingMode.DomesticSupport),
        incidents.Count(i => i.Handling == HandlingMode.ForeignSupport),
        incidents.Count(i => i.NationalSupportRequested),
        incidents.Sum(i => i.EstimatedDamageVnd ?? 0));

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
