using System.Buffers;

namespace Soc.Detection.Matching;

/// <summary>
/// Many <c>contains</c> values of one field merged into one multi-pattern search
/// (<see cref="SearchValues{T}"/> of strings, case-insensitive unless <c>cased</c>).
/// </summary>
public sealed class ContainsAnyMatcher(IReadOnlyList<string> literals, StringComparison comparison) : ValueMatcher
{
    private readonly SearchValues<string> _values = SearchValues.Create([.. literals], comparison);

    public IReadOnlyList<string> Literals { get; } = literals;

    public override int Cost => 4;

    public override bool Match(ReadOnlySpan<char> text) => text.IndexOfAny(_values) >= 0;
}
