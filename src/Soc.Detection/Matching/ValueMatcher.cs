namespace Soc.Detection.Matching;

/// <summary>
/// Tests one event value (as text; numbers are formatted without allocation) against one compiled
/// Sigma value. A closed set of sealed subclasses built by the compiler; cost orders cheap checks first.
/// </summary>
public abstract class ValueMatcher
{
    /// <summary>Relative cost used to order checks: exact 1, prefix/suffix 2, contains 3, merged search 4, glob 5, regex 8.</summary>
    public abstract int Cost { get; }

    public abstract bool Match(ReadOnlySpan<char> text);

    /// <summary>Numbers reach matchers that compare numerically without a round trip through text.</summary>
    public virtual bool MatchNumber(double number, ReadOnlySpan<char> text) => Match(text);

    /// <summary>A literal that every matching text contains (case-insensitively), or null: feeds the candidate index.</summary>
    public virtual string? RequiredLiteral => null;
}
