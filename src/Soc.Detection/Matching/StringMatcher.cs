namespace Soc.Detection.Matching;

/// <summary>Exact, prefix, suffix or substring comparison of one literal (the common Sigma values).</summary>
public sealed class StringMatcher(PatternKind kind, string literal, StringComparison comparison) : ValueMatcher
{
    public PatternKind Kind { get; } = kind;
    public string Literal { get; } = literal;
    public StringComparison Comparison { get; } = comparison;

    public override int Cost => Kind switch { PatternKind.Exact or PatternKind.Any => 1, PatternKind.Prefix or PatternKind.Suffix => 2, _ => 3 };

    public override string? RequiredLiteral => Literal.Length > 0 ? Literal : null;

    public override bool Match(ReadOnlySpan<char> text) => Kind switch
    {
        PatternKind.Exact => text.Equals(Literal, Comparison),
        PatternKind.Prefix => text.StartsWith(Literal, Comparison),
        PatternKind.Suffix => text.EndsWith(Literal, Comparison),
        PatternKind.Contains => text.Contains(Literal, Comparison),
        _ => true,
    };
}
