using Soc.Detection.Events;

namespace Soc.Detection.Matching;

/// <summary>All children hold; evaluated cheapest first, stopping at the first false.</summary>
public sealed class AndNode(MatchNode[] children) : MatchNode
{
    public MatchNode[] Children { get; } = children;

    public override int Cost => Sum(Children);

    public override bool Eval(LogEvent ev)
    {
        foreach (var child in Children)
        {
            if (!child.Eval(ev))
            {
                return false;
            }
        }

        return true;
    }

    public override void CollectMatched(LogEvent ev, Dictionary<string, string> matched)
    {
        foreach (var child in Children)
        {
            child.CollectMatched(ev, matched);
        }
    }

    internal static int Sum(MatchNode[] nodes)
    {
        var total = 0;
        foreach (var n in nodes)
        {
            total += n.Cost;
        }

        return total;
    }
}
