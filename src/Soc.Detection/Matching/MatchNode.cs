using Soc.Detection.Events;

namespace Soc.Detection.Matching;

/// <summary>
/// A node of a compiled rule: the condition tree with selections inlined. A closed set of sealed
/// classes (and, or, not, constant, field test, keyword, field reference) built by the compiler.
/// </summary>
public abstract class MatchNode
{
    /// <summary>Relative evaluation cost; children of and/or are ordered cheapest first.</summary>
    public abstract int Cost { get; }

    public abstract bool Eval(LogEvent ev);

    /// <summary>Adds the fields this node looked at whose tests pass now (used only after a match, to fill the alert).</summary>
    public virtual void CollectMatched(LogEvent ev, Dictionary<string, string> matched)
    {
    }
}
