using System.Globalization;
using System.Text.RegularExpressions;
using Soc.Detection.Matching;
using Soc.Detection.Sigma;

namespace Soc.Detection.Compilation;

/// <summary>Compiles one detection item (field, modifiers, values) into a match node for one route.</summary>
public static class ValueCompiler
{
    /// <summary>From this many plain <c>contains</c> values on, one merged multi-pattern search replaces the loop.</summary>
    public const int MergeThreshold = 3;

    private static readonly string[] DateParts = ["minute", "hour", "day", "week", "month", "year"];

    public static MatchNode Compile(FieldMatcher item, LogSourceRoute route, CompileOptions options, List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(warnings);
        var mods = item.Modifiers;
        var has = (string m) => mods.Contains(m);
        var comparison = has("cased") ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var all = has("all");
        if (item.Field is null)
        {
            var keywordMatchers = new List<ValueMatcher>();
            foreach (var v in item.Values)
            {
                if (v is null)
                {
                    keywordMatchers.Add(new NeverMatcher("null keyword"));
                    continue;
                }

                if (has("re"))
                {
                    keywordMatchers.Add(Regex(v, mods, warnings));
                    continue;
                }

                foreach (var p in ValueExpander.Expand(v, mods, options.Placeholders, keyword: true))
                {
                    keywordMatchers.Add(ForPattern(p, comparison));
                }
            }

            return new KeywordNode([.. Merge(keywordMatchers, all, comparison)], all, options.KeywordsSearchAllFields);
        }

        var fields = route.Map(item.Field);
        if (has("exists"))
        {
            var want = item.Values[0] is "true" or "True";
            return new FieldTestNode(item.Field, fields, [], want ? FieldTestMode.Exists : FieldTestMode.NotExists, false);
        }

        if (has("fieldref"))
        {
            var kind = has("contains") ? PatternKind.Contains : has("startswith") ? PatternKind.Prefix : has("endswith") ? PatternKind.Suffix : PatternKind.Exact;
            var refs = item.Values.Select(v => (MatchNode)new FieldRefNode(fields, route.Map(v ?? ""), kind, comparison)).ToArray();
            return refs.Length == 1 ? refs[0] : all ? new AndNode(refs) : new OrNode(refs);
        }

        var matchers = new List<ValueMatcher>();
        var matchesNull = false;
        var compare = mods.FirstOrDefault(m => m is "lt" or "lte" or "gt" or "gte");
        var datePart = mods.FirstOrDefault(m => DateParts.Contains(m));
        foreach (var v in item.Values)
        {
            if (v is null)
            {
                matchesNull = true;
                continue;
            }

            if (has("re"))
            {
                matchers.Add(Regex(v, mods, warnings));
            }
            else if (has("cidr"))
            {
                try
                {
                    matchers.Add(new CidrMatcher(v));
                }
                catch (FormatException ex)
                {
                    throw new SigmaRuleException(ex.Message, item.Line);
                }
            }
            else if (datePart is not null)
            {
                matchers.Add(new DatePartMatcher(datePart, new NumberMatcher(compare ?? "eq", double.Parse(v, CultureInfo.InvariantCulture))));
            }
            else if (compare is not null)
            {
                matchers.Add(new NumberMatcher(compare, double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)));
            }
            else
            {
                foreach (var p in ValueExpander.Expand(v, mods, options.Placeholders, keyword: false))
                {
                    matchers.Add(ForPattern(p, comparison));
                }
            }
        }

        var mode = has("neq") ? FieldTestMode.NotEqual : all ? FieldTestMode.All : FieldTestMode.Any;
        return new FieldTestNode(item.Field, fields, [.. Merge(matchers, all, comparison)], mode, matchesNull);
    }

    public static ValueMatcher ForPattern(string pattern, StringComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern == ValueExpander.Unresolved)
        {
            return new NeverMatcher("placeholder without configured values");
        }

        var (kind, literal) = SigmaPattern.Classify(pattern);
        return kind == PatternKind.Glob
            ? new GlobMatcher(pattern, comparison == StringComparison.OrdinalIgnoreCase)
            : new StringMatcher(kind, literal, comparison);
    }

    private static RegexMatcher Regex(string pattern, IReadOnlyList<string> mods, List<string> warnings)
    {
        var options = RegexOptions.None;
        if (mods.Contains("i") || mods.Contains("ignorecase"))
        {
            options |= RegexOptions.IgnoreCase;
        }

        if (mods.Contains("m") || mods.Contains("multiline"))
        {
            options |= RegexOptions.Multiline;
        }

        if (mods.Contains("s") || mods.Contains("dotall"))
        {
            options |= RegexOptions.Singleline;
        }

        try
        {
            var matcher = new RegexMatcher(pattern, options);
            if (!matcher.NonBacktracking)
            {
                warnings.Add($"regex '{pattern}' needs the backtracking engine; it runs with a {RegexMatcher.BacktrackingTimeout.TotalMilliseconds} ms match timeout");
            }

            return matcher;
        }
        catch (ArgumentException ex)
        {
            throw new SigmaRuleException($"invalid regular expression '{pattern}': {ex.Message}");
        }
    }

    /// <summary>Merges plain contains values into one multi-pattern search and orders the rest cheapest first.</summary>
    private static List<ValueMatcher> Merge(List<ValueMatcher> matchers, bool all, StringComparison comparison)
    {
        var result = new List<ValueMatcher>();
        if (!all)
        {
            var contains = matchers.OfType<StringMatcher>().Where(m => m.Kind == PatternKind.Contains).ToList();
            if (contains.Count >= MergeThreshold)
            {
                result.Add(new ContainsAnyMatcher([.. contains.Select(c => c.Literal).Distinct()], comparison));
                matchers = [.. matchers.Where(m => m is not StringMatcher { Kind: PatternKind.Contains })];
            }
        }

        result.AddRange(matchers);
        return [.. result.OrderBy(m => m.Cost)];
    }
}
