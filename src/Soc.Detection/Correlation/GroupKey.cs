namespace Soc.Detection.Correlation;

/// <summary>
/// The group-by values of one group. Up to three values are held as-is (no allocation when they are
/// event strings); more are joined into the third slot.
/// </summary>
public readonly record struct GroupKey(string? A, string? B, string? C);
