namespace Soc.Console.Exports.Model;

/// <summary>One incident as the periodic reports count it (management report, Mẫu 05).</summary>
public sealed record IncidentSummary
{
    public required string Id { get; init; }

    public required string AgencyName { get; init; }

    public required int NationalCategory { get; init; }

    public required string Severity { get; init; }

    public required string Status { get; init; }

    public string? ClosingReason { get; init; }

    /// <summary>Time of the first evidence event: detection delay is measured from it.</summary>
    public DateTimeOffset? FirstEventAt { get; init; }

    public required DateTimeOffset DetectedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public IReadOnlyList<FiredRule> Rules { get; init; } = [];

    public HandlingMode Handling { get; init; } = HandlingMode.InHouse;

    /// <summary>Support was requested from the national CERT (VNCERT / the ministry).</summary>
    public bool NationalSupportRequested { get; init; }

    /// <summary>Estimated damage in VND, when the agency estimated it.</summary>
    public decimal? EstimatedDamageVnd { get; init; }
}
