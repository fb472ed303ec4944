namespace Soc.Console.Exports.Model;

/// <summary>
/// Everything an incident report shows, as plain data: the center fills it from its store, the
/// exporters only read it. Times are instants (any offset); the reports print them in UTC and
/// Asia/Ho_Chi_Minh with the offset stated.
/// </summary>
public sealed record IncidentReportData
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Summary { get; init; }

    public required AgencyProfile Agency { get; init; }

    public required SystemProfile System { get; init; }

    /// <summary>low | medium | high | critical (Sigma levels); unknown values print as given.</summary>
    public required string Severity { get; init; }

    /// <summary>Code 1–10 of the national taxonomy (<see cref="NationalCategories"/>).</summary>
    public required int NationalCategory { get; init; }

    public IReadOnlyList<AttackTechnique> Techniques { get; init; } = [];

    /// <summary>new | acknowledged | in_progress | closed; unknown values print as given.</summary>
    public required string Status { get; init; }

    /// <summary>true_positive | false_positive | benign | duplicate, or free text; null while open.</summary>
    public string? ClosingReason { get; init; }

    public string? AssignedTo { get; init; }

    public required DateTimeOffset DetectedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>When the response ended (status closed); starts the final-report clock.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The deadlines that apply (operational, then legal) and their state at report time; empty in reports made before Soc recorded them.</summary>
    public IReadOnlyList<IncidentDeadline> Deadlines { get; init; } = [];

    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    public IReadOnlyList<FiredRule> Rules { get; init; } = [];

    public IReadOnlyList<EvidenceEvent> Events { get; init; } = [];

    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];
}
