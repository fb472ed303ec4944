using Soc.Detection.Events;

namespace Soc.Detection.Matching;

/// <summary>A constant (an <c>of</c> pattern that names no identifier, after folding).</summary>
public sealed class ConstNode(bool value) : MatchNode
{
    public bool Value { get; } = value;

    public override int Cost => 0;

    public override bool Eval(LogEvent ev) => Value;
}
