namespace Soc.Detection.Sigma;

/// <summary>
/// A field (null for keywords), its modifiers in order, and the values it accepts: any one of them,
/// or all of them with the <c>all</c> modifier. A null value is YAML null; numbers and booleans are
/// kept as their YAML text (comparison with event values is loose).
/// </summary>
public sealed record FieldMatcher(string? Field, IReadOnlyList<string> Modifiers, IReadOnlyList<string?> Values, int Line = 0);
