namespace Soc.Console.Exports.Audit;

/// <summary>One entry of the center's audit trail: who did what to which subject, and when.</summary>
/// <param name="Subject">What the action was about, e.g. "incident:INC-2026-000142".</param>
public sealed record AuditRecord(long Sequence, DateTimeOffset At, string Actor, string Action, string Subject, string Details);
