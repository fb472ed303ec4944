namespace Soc.Console.Web.Data;

/// <summary>An analyst's note on an incident.</summary>
public sealed record IncidentNote(long Id, long IncidentId, string Author, DateTimeOffset At, string Text);
