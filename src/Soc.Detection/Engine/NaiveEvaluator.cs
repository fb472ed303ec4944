using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Soc.Detection.Compilation;
using Soc.Detection.Events;
using Soc.Detection.Matching;
using Soc.Detection.Sigma;

namespace Soc.Detection.Engine;

/// <summary>
/// The reference evaluator: a straightforward interpretation of each rule for each event (route check,
/// condition walk, field lookup, value comparison on upper-cased strings and a textbook glob), with none of
/// the compiled engine's machinery. It is the baseline of the benchmarks and the oracle of the differential
/// test. Only value expansion (modifiers → patterns) and parsed conditions are cached, as any interpreter would.
/// </summary>
public sealed class NaiveEvaluator
{
    private readonly List<SigmaRule> _rules;
    private readonly List<SigmaRule> _filters;
    private readonly LogSourceMap _map;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _placeholders;
    private readonly bool _allFields;
    private readonly Dictionary<string, ConditionExpr> _conditions = new(StringComparer.Ordinal);
    private readonly Dictionary<(FieldMatcher, string), List<string>> _patterns = [];
    private readonly Dictionary<(string, bool), Regex> _regexes = [];

    public NaiveEvaluator(IEnumerable<SigmaRule> rules, DetectionEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        options ??= new DetectionEngineOptions();
        var all = rules.ToList();
        _rules = [.. all.Where(r => r.Correlation is null && r.Filter is null)];
        _filters = [.. all.Where(r => r.Filter is not null)];
        _map = options.ResolveMap();
        _placeholders = options.ResolvePlaceholders(_map);
        _allFields = options.KeywordsSearchAllFields;
    }

    /// <summary>Ids of the rules that match the event (each once), in rule order.</summary>
    public List<string> Matches(LogEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var result = new List<string>();
        var dataset = ev.GetString(EcsFields.EventDataset);
        foreach (var rule in _rules)
        {
            foreach (var route in _map.RoutesFor(rule.LogSource))
            {
                var any = ReferenceEquals(route, LogSourceMap.AnyRoute);
                if (!any && (dataset is null || !route.Datasets.Contains(dataset)))
                {
                    continue;
                }

                if (route.Where.Any(w => !string.Equals(Text(ev[w.Key]), w.Value, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var applicable = _filters.Where(f => DetectionEngine.Names(f.Filter!.Rules, rule) && DetectionEngine.Compatible(f.LogSource, rule.LogSource));
                if (Detect(rule, route, ev) && applicable.All(f => Detect(f, route, ev)))
                {
                    result.Add(rule.Id);
                    break;
                }
            }
        }

        return result;
    }

    private bool Detect(SigmaRule rule, LogSourceRoute route, LogEvent ev) =>
        rule.Conditions.Any(c => Eval(Parse(c), rule, route, ev));

    private ConditionExpr Parse(string condition)
    {
        if (!_conditions.TryGetValue(condition, out var expr))
        {
            _conditions[condition] = expr = ConditionParser.Parse(condition);
        }

        return expr;
    }

    private bool Eval(ConditionExpr expr, SigmaRule rule, LogSourceRoute route, LogEvent ev) => expr switch
    {
        AndExpr a => a.Items.All(i => Eval(i, rule, route, ev)),
        OrExpr o => o.Items.Any(i => Eval(i, rule, route, ev)),
        NotExpr n => !Eval(n.Item, rule, route, ev),
        RefExpr r => Selection(rule.Selections[r.Name], route, ev),
        OfExpr of when of.Count < 0 => ConditionParser.Expand(of.Pattern, rule.Selections.Keys).All(n => Selection(rule.Selections[n], route, ev)),
        OfExpr of => ConditionParser.Expand(of.Pattern, rule.Selections.Keys).Any(n => Selection(rule.Selections[n], route, ev)),
        _ => false,
    };

    private bool Selection(Selection selection, LogSourceRoute route, LogEvent ev) =>
        selection.Alternatives.Any(alt => alt.All(item => Item(item, route, ev)));

    private bool Item(FieldMatcher item, LogSourceRoute route, LogEvent ev)
    {
        var mods = item.Modifiers;
        var all = mods.Contains("all");
        if (item.Field is null)
        {
            var texts = _allFields
                ? ev.Fields.Values.OfType<string>().ToList()
                : ev.Message is { } m ? [m] : new List<string>();
            bool Keyword(string? v) => v is not null && texts.Any(t => ValueMatches(item, v, t, keyword: true));
            return all ? item.Values.All(Keyword) : item.Values.Any(Keyword);
        }

        object? value = null;
        var present = route.Map(item.Field).Any(f => ev.TryGet(f, out value)) && value is not null;
        if (mods.Contains("exists"))
        {
            return present == (item.Values[0] is "true" or "True");
        }

        if (mods.Contains("fieldref"))
        {
            bool Ref(string? other)
            {
                object? o = null;
                var has = route.Map(other ?? "").Any(f => ev.TryGet(f, out o)) && o is not null;
                if (!present || !has)
                {
                    return false;
                }

                var cmp = mods.Contains("cased") ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
                var (l, r) = (Text(value), Text(o));
                return mods.Contains("contains") ? l.Contains(r, cmp) : mods.Contains("startswith") ? l.StartsWith(r, cmp) : mods.Contains("endswith") ? l.EndsWith(r, cmp) : string.Equals(l, r, cmp);
            }

            return all ? item.Values.All(Ref) : item.Values.Any(Ref);
        }

        var candidates = !present ? [] : value is IReadOnlyList<object?> list ? list.Where(x => x is not null).Select(Text).ToList() : [Text(value)];
        bool One(string? v) => v is null ? !present : candidates.Any(c => ValueMatches(item, v, c, keyword: false));
        if (mods.Contains("neq"))
        {
            return present && !item.Values.Any(One);
        }

        return all ? item.Values.All(One) : item.Values.Any(One);
    }

    private bool ValueMatches(FieldMatcher item, string value, string text, bool keyword)
    {
        var mods = item.Modifiers;
        if (mods.Contains("re"))
        {
            var ci = mods.Contains("i") || mods.Contains("ignorecase");
            if (!_regexes.TryGetValue((value, ci), out var re))
            {
                var options = (ci ? RegexOptions.IgnoreCase : RegexOptions.None) | (mods.Contains("m") ? RegexOptions.Multiline : 0) | (mods.Contains("s") ? RegexOptions.Singleline : 0);
                _regexes[(value, ci)] = re = new Regex(value, options | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }

            return re.IsMatch(text);
        }

        if (mods.Contains("cidr"))
        {
            return IPAddress.TryParse(text, out var ip) && IPNetwork.Parse(value).Contains(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip);
        }

        var part = mods.FirstOrDefault(m => m is "minute" or "hour" or "day" or "week" or "month" or "year");
        var op = mods.FirstOrDefault(m => m is "lt" or "lte" or "gt" or "gte") ?? "eq";
        var expected = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var e) ? e : double.NaN;
        if (part is not null)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
            {
                return false;
            }

            double p = part switch { "minute" => t.Minute, "hour" => t.Hour, "day" => t.Day, "week" => ISOWeek.GetWeekOfYear(t.DateTime), "month" => t.Month, _ => t.Year };
            return Compare(op, p, expected);
        }

        if (op != "eq")
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && Compare(op, n, expected);
        }

        var key = (item, value + (keyword ? "\u0001k" : ""));
        if (!_patterns.TryGetValue(key, out var patterns))
        {
            _patterns[key] = patterns = ValueExpander.Expand(value, mods, _placeholders, keyword);
        }

        var cased = mods.Contains("cased");
        var subject = cased ? text : text.ToUpperInvariant();
        return patterns.Any(p => p != ValueExpander.Unresolved && Glob(cased ? p : p.ToUpperInvariant(), 0, subject, 0));
    }

    private static bool Compare(string op, double a, double b) => op switch
    {
        "lt" => a < b,
        "lte" => a <= b,
        "gt" => a > b,
        "gte" => a >= b,
        _ => a == b,
    };

    /// <summary>Textbook recursive glob over the sentinel pattern.</summary>
    private static bool Glob(string p, int pi, string s, int si)
    {
        while (pi < p.Length)
        {
            var c = p[pi];
            if (c == SigmaPattern.Star)
            {
                for (var k = si; k <= s.Length; k++)
                {
                    if (Glob(p, pi + 1, s, k))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (si >= s.Length || (c != SigmaPattern.One && c != s[si]))
            {
                return false;
            }

            pi++;
            si++;
        }

        return si == s.Length;
    }

    private static string Text(object? value) => EventValues.Format(value);
}
