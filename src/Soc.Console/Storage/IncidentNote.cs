namespace Soc.Console.Storage;

/// <summary>A note an analyst added to an incident: who, when, what.</summary>
public sealed record IncidentNote(long IncidentId, string Author, DateTimeOffset Time, string Text);
