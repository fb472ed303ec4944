using System.Buffers;

namespace Soc.Detection.Matching;

/// <summary>
/// Many <c>contains</c> values of one field merged into one multi-pattern search
/// (<see cref="LiteralGate"/> when case-insensitive with literals of 3+ characters, else <see cref="SearchValues{T}"/> of strings).
/// </summary>
public sealed class ContainsAnyMatcher(IReadOnlyList<string> literals, StringComparison comparison) : ValueMatcher
{
    private readonly SearchValues<string>? _values = comparison == StringComparison.OrdinalIgnoreCase && literals.All(l => l.Length >= LiteralGate.MinLiteralLength)
        ? null
        : SearchValues.Create([.. literals], comparison);

    private readonly LiteralGate? _gate = comparison == StringComparison.OrdinalIgnoreCase && literals.All(l => l.Length >= LiteralGate.MinLiteralLength)
        ? new LiteralGate(literals)
        : null;

    public IReadOnlyList<string> Literals { get; } = literals;

    public override int Cost => 4;

    public override bool Match(ReadOnlySpan<char> text) => _gate?.AnyIn(text) ?? text.IndexOfAny(_values!) >= 0;
}
