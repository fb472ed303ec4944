namespace Soc.Console.Exports.Audit;

/// <summary>
/// A contiguous run of the audit chain, from the link after <see cref="AnchorHash"/> to <see cref="HeadHash"/>,
/// with unrelated records redacted. Anyone holding the anchor and head (e.g. from a later bundle or the
/// center's published head) can check that this run belongs to the same chain.
/// </summary>
public sealed record AuditTrailSlice(string AnchorHash, string HeadHash, IReadOnlyList<AuditLink> Links);
