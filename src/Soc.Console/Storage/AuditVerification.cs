namespace Soc.Console.Storage;

/// <summary>The result of recomputing the audit chain: how many entries were checked and the first broken one, if any.</summary>
public sealed record AuditVerification(bool Intact, long Entries, long? FirstBrokenSequence, string? Reason);
