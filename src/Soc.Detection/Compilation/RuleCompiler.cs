using Soc.Detection.Matching;
using Soc.Detection.Sigma;

namespace Soc.Detection.Compilation;

/// <summary>
/// Turns a rule's condition and selections into one match tree per route: selections inlined, route
/// <c>where</c> tests and filters folded in, children ordered cheapest first. Pure tree building.
/// </summary>
public static class RuleCompiler
{
    /// <summary>Literals shorter than this admit too many events to be worth gating on.</summary>
    public const int MinGateLiteral = 3;

    public static MatchNode CompileDetection(SigmaRule rule, LogSourceRoute route, CompileOptions options, List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var conditions = new List<MatchNode>();
        foreach (var condition in rule.Conditions)
        {
            conditions.Add(Compile(ConditionParser.Parse(condition), rule, route, options, warnings));
        }

        return conditions.Count == 1 ? conditions[0] : Or([.. conditions]);
    }

    public static CompiledRule Compile(SigmaRule rule, LogSourceRoute route, CompileOptions options, IEnumerable<SigmaRule> filters, List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(filters);
        var root = CompileDetection(rule, route, options, warnings);
        var parts = new List<MatchNode>();
        foreach (var (field, value) in route.Where)
        {
            parts.Add(new FieldTestNode(field, [field], [new StringMatcher(PatternKind.Exact, value, StringComparison.OrdinalIgnoreCase)], FieldTestMode.Any, false));
        }

        parts.Add(root);
        foreach (var filter in filters)
        {
            // pySigma's polarity: the filter's condition is ANDed as written ("(rule) and (filter)");
            // a filter that excludes events says so itself, e.g. "condition: not selection".
            parts.Add(CompileDetection(filter, route, options, warnings));
        }

        var tree = parts.Count == 1 ? parts[0] : And([.. parts]);
        return new CompiledRule(rule, route, tree, Requirement(tree));
    }

    private static MatchNode Compile(ConditionExpr expr, SigmaRule rule, LogSourceRoute route, CompileOptions options, List<string> warnings)
    {
        switch (expr)
        {
            case AndExpr a:
                return And([.. a.Items.Select(i => Compile(i, rule, route, options, warnings))]);
            case OrExpr o:
                return Or([.. o.Items.Select(i => Compile(i, rule, route, options, warnings))]);
            case NotExpr n:
                return new NotNode(Compile(n.Item, rule, route, options, warnings));
            case RefExpr r:
                if (!rule.Selections.TryGetValue(r.Name, out var selection))
                {
                    throw new SigmaRuleException($"the condition names '{r.Name}', which is not a search identifier of the detection");
                }

                return CompileSelection(selection, route, options, warnings);
            case OfExpr of:
                var names = ConditionParser.Expand(of.Pattern, rule.Selections.Keys);
                if (names.Count == 0)
                {
                    throw new SigmaRuleException($"'{(of.Count < 0 ? "all" : of.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} of {of.Pattern ?? "them"}' names no search identifier");
                }

                if (of.Count > 1)
                {
                    throw new SigmaRuleException($"'{of.Count} of' is not Sigma: use '1 of' or 'all of'");
                }

                var nodes = names.Select(n => CompileSelection(rule.Selections[n], route, options, warnings)).ToArray();
                return of.Count < 0 ? And(nodes) : Or(nodes);
            default:
                throw new SigmaRuleException("unsupported condition");
        }
    }

    private static MatchNode CompileSelection(Selection selection, LogSourceRoute route, CompileOptions options, List<string> warnings)
    {
        var alternatives = new List<MatchNode>();
        foreach (var alternative in selection.Alternatives)
        {
            if (alternative.Count == 0)
            {
                throw new SigmaRuleException($"search identifier '{selection.Name}' has an empty map");
            }

            alternatives.Add(And([.. alternative.Select(i => ValueCompiler.Compile(i, route, options, warnings))]));
        }

        return Or([.. alternatives]);
    }

    private static MatchNode And(MatchNode[] nodes) =>
        nodes.Length == 1 ? nodes[0] : new AndNode([.. nodes.SelectMany(n => n is AndNode a ? a.Children : [n]).OrderBy(n => n.Cost)]);

    private static MatchNode Or(MatchNode[] nodes) =>
        nodes.Length == 1 ? nodes[0] : new OrNode([.. nodes.SelectMany(n => n is OrNode o ? o.Children : [n]).OrderBy(n => n.Cost)]);

    /// <summary>
    /// A set of (field, literal) of which one must occur for the node to hold, or null. And: the best
    /// child's set; Or: the union (every child needs one); not, numbers, regex, null tests: none.
    /// </summary>
    public static List<KeyValuePair<string, string>>? Requirement(MatchNode node)
    {
        switch (node)
        {
            case AndNode a:
                List<KeyValuePair<string, string>>? best = null;
                var bestScore = int.MinValue;
                foreach (var c in a.Children)
                {
                    var r = Requirement(c);
                    if (r is null)
                    {
                        continue;
                    }

                    // Whole-value literals (type: EXECVE, event.category: process) are usually common values
                    // of enum-like fields; a substring literal of the same rule is far more selective.
                    var score = Score(r) - (c is FieldTestNode f && f.Matchers.All(m => m is StringMatcher { Kind: PatternKind.Exact }) ? 20 : 0);
                    if (score > bestScore)
                    {
                        (best, bestScore) = (r, score);
                    }
                }

                return best;
            case OrNode o:
                var union = new List<KeyValuePair<string, string>>();
                foreach (var c in o.Children)
                {
                    var r = Requirement(c);
                    if (r is null)
                    {
                        return null;
                    }

                    union.AddRange(r);
                }

                return union;
            case FieldTestNode f when f.Mode == FieldTestMode.Any && !f.MatchesNull && f.Fields.Length == 1:
                return Literals(f.Fields[0], f.Matchers, all: false);
            case FieldTestNode f when f.Mode == FieldTestMode.All && f.Fields.Length == 1:
                return Literals(f.Fields[0], f.Matchers, all: true);
            case KeywordNode k when !k.AllFields:
                return Literals(Events.EcsFields.Message, k.Matchers, k.All);
            default:
                return null;
        }
    }

    private static List<KeyValuePair<string, string>>? Literals(string field, ValueMatcher[] matchers, bool all)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var m in matchers)
        {
            var literals = m switch
            {
                ContainsAnyMatcher c => c.Literals,
                NeverMatcher => [],
                _ => m.RequiredLiteral is { } l ? [l] : null,
            };
            if (literals is null || literals.Any(l => l.Length < MinGateLiteral))
            {
                if (all)
                {
                    continue;
                }

                return null;
            }

            if (all)
            {
                return [.. literals.Select(l => new KeyValuePair<string, string>(field, l))];
            }

            result.AddRange(literals.Select(l => new KeyValuePair<string, string>(field, l)));
        }

        return all ? null : result;
    }

    private static int Score(List<KeyValuePair<string, string>> set)
    {
        var min = int.MaxValue;
        foreach (var kv in set)
        {
            min = Math.Min(min, kv.Value.Length);
        }

        return min - set.Count / 8;
    }
}
