namespace Soc.Detection.Matching;

/// <summary>A value that can never match (an <c>expand</c> placeholder with no configured values).</summary>
public sealed class NeverMatcher(string reason) : ValueMatcher
{
    public string Reason { get; } = reason;

    public override int Cost => 0;

    public override bool Match(ReadOnlySpan<char> text) => false;

    public override bool MatchNumber(double number, ReadOnlySpan<char> text) => false;
}
