using Soc.Console.Exports.Model;

namespace Soc.Console.Exports.Periodic;

/// <summary>The figures of a periodic management report; means are null when no incident had the times.</summary>
public sealed record PeriodicReportStatistics
{
    public required int Total { get; init; }

    public required IReadOnlyList<CountRow> ByCategory { get; init; }

    public required IReadOnlyList<CountRow> BySeverity { get; init; }

    public required IReadOnlyList<CountRow> ByStatus { get; init; }

    public required IReadOnlyList<CountRow> ByAgency { get; init; }

    /// <summary>First evidence event → detection.</summary>
    public TimeSpan? MeanTimeToDetect { get; init; }

    /// <summary>Detection → acknowledgement.</summary>
    public TimeSpan? MeanTimeToAcknowledge { get; init; }

    /// <summary>Detection → closing.</summary>
    public TimeSpan? MeanTimeToResolve { get; init; }

    public required IReadOnlyList<RuleEffectiveness> TopRules { get; init; }

    public required IReadOnlyList<CollectorCoverage> Collectors { get; init; }

    /// <summary>Collectors that sent nothing in the period: blind spots to report, not to hide.</summary>
    public required IReadOnlyList<CollectorCoverage> SilentCollectors { get; init; }
}
