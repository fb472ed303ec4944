namespace Soc.Detection.Sigma;

/// <summary>
/// One named search of a rule's detection: a list of alternatives (OR), each an AND of field matchers.
/// A keyword list is one alternative per keyword, each a matcher with no field.
/// </summary>
public sealed record Selection(string Name, IReadOnlyList<IReadOnlyList<FieldMatcher>> Alternatives);

/// <summary>
/// A field (null for keywords), its modifiers, and the values it accepts: any one of them, or all of
/// them with the <c>all</c> modifier.
/// </summary>
public sealed record FieldMatcher(string? Field, IReadOnlyList<string> Modifiers, IReadOnlyList<string?> Values);
