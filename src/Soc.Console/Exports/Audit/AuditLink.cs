namespace Soc.Console.Exports.Audit;

/// <summary>
/// One link of the audit hash chain. <see cref="Hash"/> = SHA-256(PreviousHash ‖ ContentHash) and
/// ContentHash = SHA-256(canonical record) (<see cref="AuditChain"/>). Because the link hash covers only the
/// content hash, a slice can leave out records about other incidents (<see cref="Record"/> null) and still
/// prove, link by link, that nothing between its first and last record was changed, added or removed.
/// </summary>
public sealed record AuditLink(long Sequence, string PreviousHash, string ContentHash, string Hash, AuditRecord? Record);
