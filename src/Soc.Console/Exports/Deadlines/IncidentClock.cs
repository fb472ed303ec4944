namespace Soc.Console.Exports.Deadlines;

/// <summary>What the deadline calculator needs to know about one incident.</summary>
public sealed record IncidentClock
{
    public required DateTimeOffset DetectedAt { get; init; }

    public DateTimeOffset? ResponseEndedAt { get; init; }

    public required string Severity { get; init; }

    public IReadOnlySet<string> Flags { get; init; } = new HashSet<string>();

    /// <summary>When each milestone was reached, e.g. "initialReport" → the time Mẫu 03 was sent.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Milestones { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>When each form template was first issued (numbered) for the incident, e.g. "tt20-2017/mau-03" → its issue time.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> FormsIssued { get; init; } = new Dictionary<string, DateTimeOffset>();
}
