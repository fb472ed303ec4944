using Soc.Detection.Matching;
using Soc.Detection.Sigma;

namespace Soc.Detection.Compilation;

/// <summary>A detection rule compiled for one route: its match tree and what the candidate index needs.</summary>
public sealed class CompiledRule(SigmaRule rule, LogSourceRoute route, MatchNode root, IReadOnlyList<KeyValuePair<string, string>>? requiredLiterals)
{
    public SigmaRule Rule { get; } = rule;
    public LogSourceRoute Route { get; } = route;
    public MatchNode Root { get; } = root;

    /// <summary>
    /// (field, literal) pairs of which at least one must occur (case-insensitively) in a string value for the
    /// rule to match; null when no such set exists (the rule is evaluated for every routed event).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>>? RequiredLiterals { get; } = requiredLiterals;

    /// <summary>Referenced by a correlation rule: matches feed the correlation engine.</summary>
    public bool Correlated { get; set; }

    /// <summary>Referenced only by correlations with <c>generate: false</c>: no standalone alert.</summary>
    public bool Silent { get; set; }
}
