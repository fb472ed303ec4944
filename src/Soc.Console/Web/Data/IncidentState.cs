namespace Soc.Console.Web.Data;

/// <summary>Triage state of one incident: who owns it, how it is classified, when it was acknowledged and closed.</summary>
public sealed record IncidentState(
    string? Assignee,
    string? Category,
    string? ClosingReason,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ClosedAt)
{
    public static readonly IncidentState Empty = new(null, null, null, null, null);
}
