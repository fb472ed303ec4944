using Soc.Detection.Compilation;
using Soc.Detection.Correlation;
using Soc.Detection.Events;
using Soc.Detection.Sigma;

namespace Soc.Detection.Engine;

/// <summary>
/// The compiled Sigma engine. Construction routes every rule to the datasets its logsource fits, compiles
/// one match tree per route (field mapping, filters, cheapest checks first) and builds a candidate index of
/// required literals per dataset. <see cref="Evaluate"/> then allocates nothing per event unless a rule matches.
/// Thread-safety: not thread-safe (correlation windows and counters are mutable); use one instance per
/// pipeline thread, or lock around <see cref="Evaluate"/>.
/// </summary>
public sealed class DetectionEngine
{
    private readonly Dictionary<string, RuleSet> _sets = new(StringComparer.Ordinal);
    private readonly RuleSet? _anySet;
    private readonly CorrelationEngine _correlation;
    private readonly List<RuleLoadError> _compileErrors = [];
    private readonly List<string> _warnings = [];

    public DetectionEngine(IEnumerable<SigmaRule> rules)
        : this(rules, new DetectionEngineOptions())
    {
    }

    /// <summary>Compiles the rules with options: mapping file, placeholders, keyword scope, correlation limits.</summary>
    public DetectionEngine(IEnumerable<SigmaRule> rules, DetectionEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(options);
        var all = rules.ToList();
        var map = options.ResolveMap();
        var compileOptions = new CompileOptions(options.ResolvePlaceholders(map), options.KeywordsSearchAllFields);
        _correlation = new CorrelationEngine(all.Where(r => r.Correlation is not null), options.Correlation);
        var filters = all.Where(r => r.Filter is not null).ToList();
        var perDataset = new Dictionary<string, List<CompiledRule>>(StringComparer.Ordinal);
        var anyRules = new List<CompiledRule>();
        foreach (var rule in all)
        {
            if (rule.Correlation is not null || rule.Filter is not null)
            {
                continue;
            }

            RuleCount++;
            var routes = map.RoutesFor(rule.LogSource);
            if (routes.Count == 0)
            {
                UnroutedRules++;
                continue;
            }

            var applicable = filters.Where(f => Names(f.Filter!.Rules, rule) && Compatible(f.LogSource, rule.LogSource)).ToList();
            var compiled = new List<CompiledRule>();
            try
            {
                foreach (var route in routes)
                {
                    var warnings = new List<string>();
                    var c = RuleCompiler.Compile(rule, route, compileOptions, applicable, warnings);
                    c.Correlated = _correlation.References(rule);
                    c.Silent = _correlation.Suppresses(rule);
                    compiled.Add(c);
                    foreach (var w in warnings)
                    {
                        _warnings.Add($"{rule.SourcePath}: {rule.Id}: {w}");
                    }
                }
            }
            catch (SigmaRuleException ex)
            {
                _compileErrors.Add(new RuleLoadError(rule.SourcePath ?? rule.Id, ex.Line ?? rule.Line, ex.Message));
                continue;
            }

            RoutedRules++;
            foreach (var c in compiled)
            {
                if (ReferenceEquals(c.Route, LogSourceMap.AnyRoute))
                {
                    anyRules.Add(c);
                    continue;
                }

                foreach (var dataset in c.Route.Datasets)
                {
                    if (!perDataset.TryGetValue(dataset, out var list))
                    {
                        perDataset[dataset] = list = [];
                    }

                    list.Add(c);
                }
            }
        }

        var index = !options.DisableCandidateIndex;
        foreach (var (dataset, list) in perDataset)
        {
            _sets[dataset] = new RuleSet([.. list, .. anyRules], index);
        }

        _anySet = anyRules.Count > 0 ? new RuleSet(anyRules, index) : null;
    }

    /// <summary>Detection rules given (correlations and filters excluded).</summary>
    public int RuleCount { get; }

    /// <summary>Detection rules that fit at least one route and compiled.</summary>
    public int RoutedRules { get; }

    /// <summary>Detection rules whose logsource fits no dataset Soc produces: loaded, never evaluated.</summary>
    public int UnroutedRules { get; }

    /// <summary>Rules that loaded but could not be compiled (bad regex, unknown identifier in the condition, ...).</summary>
    public IReadOnlyList<RuleLoadError> CompileErrors => _compileErrors;

    /// <summary>Non-fatal notes, e.g. regexes that run on the backtracking engine under a timeout.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    public EngineStats Stats { get; } = new();

    public CorrelationStats CorrelationStats => _correlation.Stats;

    public int LiveCorrelationGroups => _correlation.LiveGroups;

    /// <summary>Compiled rules an event of the dataset is routed to.</summary>
    public int RulesForDataset(string dataset) =>
        _sets.TryGetValue(dataset, out var s) ? s.Rules.Length : _anySet?.Rules.Length ?? 0;

    /// <summary>Appends one alert per matching rule (and per completed correlation) to <paramref name="alerts"/>.</summary>
    public void Evaluate(LogEvent ev, List<Alert> alerts)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(alerts);
        Stats.Events++;
        var set = ev.GetString(EcsFields.EventDataset) is { } ds && _sets.TryGetValue(ds, out var s) ? s : _anySet;
        if (set is null)
        {
            Stats.LastEventRulesEvaluated = 0;
            return;
        }

        var open = set.GateFields.Length > 0 ? set.OpenGates(ev) : 0;
        var evaluated = 0;
        var rules = set.Rules;
        var masks = set.Masks;
        for (var i = 0; i < rules.Length; i++)
        {
            var mask = masks[i];
            if (mask != 0 && (mask & open) == 0)
            {
                continue;
            }

            var rule = rules[i];
            evaluated++;
            if (rule.Root.Eval(ev))
            {
                OnMatch(rule, ev, alerts);
            }
        }

        Stats.RulesEvaluated += evaluated;
        Stats.LastEventRulesEvaluated = evaluated;
    }

    private void OnMatch(CompiledRule compiled, LogEvent ev, List<Alert> alerts)
    {
        if (!compiled.Silent)
        {
            Stats.Alerts++;
            alerts.Add(AlertFactory.ForMatch(compiled, ev));
        }

        if (compiled.Correlated)
        {
            _correlation.OnMatch(compiled.Rule, compiled.Route, ev, alerts);
        }
    }

    /// <summary>A filter names a rule by id, by name, or applies to every rule of its logsource with <c>any</c>/<c>all</c>.</summary>
    internal static bool Names(IReadOnlyList<string> references, SigmaRule rule)
    {
        if (references is [var only] && (string.Equals(only, "any", StringComparison.OrdinalIgnoreCase) || string.Equals(only, "all", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        foreach (var r in references)
        {
            if (r == rule.Id || (rule.Name is not null && r == rule.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A filter applies when every logsource key it sets equals the rule's (pySigma: the rule's logsource is "in" the filter's).</summary>
    internal static bool Compatible(LogSource filter, LogSource rule) =>
        Same(filter.Product, rule.Product) && Same(filter.Category, rule.Category) && Same(filter.Service, rule.Service);

    private static bool Same(string? f, string? r) => f is null || string.Equals(f, r, StringComparison.OrdinalIgnoreCase);
}
