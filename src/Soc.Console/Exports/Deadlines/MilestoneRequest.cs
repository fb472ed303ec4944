namespace Soc.Console.Exports.Deadlines;

/// <summary>Body of <c>POST /api/v1/incidents/{id}/milestones</c>.</summary>
/// <param name="Milestone">A milestone named by the legal rules, e.g. "initialReport" (Mẫu 03) or "finalReport" (Mẫu 04).</param>
/// <param name="At">When the report was sent, with its offset.</param>
public sealed record MilestoneRequest(string? Milestone, DateTimeOffset? At, string? Note);
