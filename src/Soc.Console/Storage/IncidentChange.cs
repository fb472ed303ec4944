namespace Soc.Console.Storage;

/// <summary>
/// A change to an incident; null members stay as they are. <see cref="Assignee"/> "" unassigns.
/// Validated by <see cref="Incidents.IncidentWorkflow"/> before it reaches a store.
/// </summary>
public sealed record IncidentChange(
    string? Status = null,
    string? ClosingReason = null,
    string? Assignee = null,
    string? Severity = null,
    string? Category = null,
    string? Note = null);
