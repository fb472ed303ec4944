namespace Soc.Console.Exports.Deadlines;

/// <summary>A milestone reached outside Soc (e.g. Mẫu 03 sent on paper), recorded by a person.</summary>
/// <param name="At">When the report went out, as the person stated it.</param>
/// <param name="RecordedAt">When it was entered in Soc.</param>
public sealed record RecordedMilestone(long IncidentId, string Milestone, DateTimeOffset At, string? Note, string RecordedBy, DateTimeOffset RecordedAt);
