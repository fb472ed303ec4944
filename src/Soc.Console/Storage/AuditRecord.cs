namespace Soc.Console.Storage;

/// <summary>What to append to the audit trail: who did what to which subject (e.g. "incident:42").</summary>
public sealed record AuditRecord(string Actor, string Action, string Subject, string? Details, DateTimeOffset Time);
