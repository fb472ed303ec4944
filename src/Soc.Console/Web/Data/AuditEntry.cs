namespace Soc.Console.Web.Data;

/// <summary>
/// One audit trail entry: who did what to which target, the state before and after, and the hash chain
/// link (<see cref="PreviousHash"/> is the hash of entry <see cref="Seq"/> − 1).
/// </summary>
public sealed record AuditEntry(
    long Seq,
    DateTimeOffset At,
    string Actor,
    string Action,
    string Target,
    string? AgencyId,
    string? Before,
    string? After,
    string PreviousHash,
    string Hash);
