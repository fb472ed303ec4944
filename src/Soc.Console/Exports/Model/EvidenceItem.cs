namespace Soc.Console.Exports.Model;

/// <summary>
/// An attached piece of evidence (capture, log extract, screenshot) with its chain-of-custody facts.
/// <paramref name="Sha256"/> is lowercase hex of the item's bytes; the bundle re-checks it.
/// </summary>
public sealed record EvidenceItem(
    string Name,
    string Sha256,
    long Length,
    string? MediaType,
    DateTimeOffset CollectedAt,
    string CollectedBy,
    string? Description);
