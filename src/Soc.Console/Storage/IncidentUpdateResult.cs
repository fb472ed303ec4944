namespace Soc.Console.Storage;

/// <summary>What an incident update did: applied (with the new incident), not found, or a version conflict.</summary>
public sealed record IncidentUpdateResult(IncidentUpdateOutcome Outcome, Incident? Incident)
{
    public static IncidentUpdateResult NotFound { get; } = new(IncidentUpdateOutcome.NotFound, null);

    public static IncidentUpdateResult Conflict(Incident? current) => new(IncidentUpdateOutcome.Conflict, current);

    public static IncidentUpdateResult Updated(Incident incident) => new(IncidentUpdateOutcome.Updated, incident);
}
