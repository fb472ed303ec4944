namespace Soc.Console.Exports.Deadlines;

/// <summary>
/// What has been sent for one incident, from the store: the first issue of each numbered form
/// (<c>report_numbers</c>) and the milestones recorded by hand for reports sent outside Soc
/// (<c>incident_milestones</c>), each at its earliest time.
/// </summary>
public sealed record IncidentMilestones(
    IReadOnlyDictionary<string, DateTimeOffset> FormsIssued,
    IReadOnlyDictionary<string, DateTimeOffset> Recorded)
{
    public static IncidentMilestones None { get; } = new(new Dictionary<string, DateTimeOffset>(), new Dictionary<string, DateTimeOffset>());
}
