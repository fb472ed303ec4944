using Soc.Detection.Events;

namespace Soc.Detection.Matching;

/// <summary>Negation. Fields under a not are not reported as matched.</summary>
public sealed class NotNode(MatchNode child) : MatchNode
{
    public MatchNode Child { get; } = child;

    public override int Cost => Child.Cost;

    public override bool Eval(LogEvent ev) => !Child.Eval(ev);
}
