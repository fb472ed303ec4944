using Soc.Detection.Events;

namespace Soc.Detection.Matching;

/// <summary>Any child holds; evaluated cheapest first, stopping at the first true.</summary>
public sealed class OrNode(MatchNode[] children) : MatchNode
{
    public MatchNode[] Children { get; } = children;

    public override int Cost => AndNode.Sum(Children);

    public override bool Eval(LogEvent ev)
    {
        foreach (var child in Children)
        {
            if (child.Eval(ev))
            {
                return true;
            }
        }

        return false;
    }

    public override void CollectMatched(LogEvent ev, Dictionary<string, string> matched)
    {
        foreach (var child in Children)
        {
            if (child.Eval(ev))
            {
                child.CollectMatched(ev, matched);
            }
        }
    }
}
