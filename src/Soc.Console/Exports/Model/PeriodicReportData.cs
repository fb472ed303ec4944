namespace Soc.Console.Exports.Model;

/// <summary>
/// Input of the periodic reports: the incidents detected in [<see cref="From"/>, <see cref="To"/>) within one
/// agency subtree, and the collectors of that subtree. The center selects; the reports only count.
/// </summary>
public sealed record PeriodicReportData
{
    /// <summary>The agency at the root of the subtree (it signs the report).</summary>
    public required AgencyProfile Agency { get; init; }

    public required DateTimeOffset From { get; init; }

    /// <summary>Exclusive end of the period.</summary>
    public required DateTimeOffset To { get; init; }

    public IReadOnlyList<IncidentSummary> Incidents { get; init; } = [];

    public IReadOnlyList<CollectorCoverage> Collectors { get; init; } = [];

    /// <summary>Mẫu 05 sections 2–4, free text typed by the agency.</summary>
    public string? DomesticHelpers { get; init; }

    public string? ForeignHelpers { get; init; }

    public string? Recommendations { get; init; }
}
