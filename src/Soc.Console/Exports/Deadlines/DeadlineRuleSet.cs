namespace Soc.Console.Exports.Deadlines;

/// <summary>
/// The deadlines of one legal text, as a data file (Reports/Templates/deadlines/*.json), so a new decree is
/// a new file. <see cref="Status"/> says whether the text is confirmed ("in force") or only reported.
/// </summary>
public sealed record DeadlineRuleSet
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public required string Title { get; init; }

    public required string LegalSource { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset EffectiveFrom { get; init; }

    public DateTimeOffset? EffectiveUntil { get; init; }

    public string? Note { get; init; }

    public required IReadOnlyList<DeadlineRule> Rules { get; init; }

    public bool InForceAt(DateTimeOffset at) => at >= EffectiveFrom && (EffectiveUntil is null || at < EffectiveUntil);
}
