namespace Soc.Console.Exports.Model;

/// <summary>One step of the incident's handling: who did what, and when (NIST SP 800-61).</summary>
/// <param name="Actor">User name, or "soc" for the detection engine.</param>
/// <param name="RuleId">For alerts: the rule that raised it.</param>
public sealed record TimelineEntry(DateTimeOffset At, TimelineEntryKind Kind, string Actor, string Text, string? RuleId = null);
