namespace Soc.Console.Incidents;

/// <summary>Body of <c>POST /api/v1/incidents/{id}/notes</c>.</summary>
public sealed record NoteRequest(string Text);
