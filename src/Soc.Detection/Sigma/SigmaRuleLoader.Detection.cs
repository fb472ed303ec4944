using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Soc.Detection.Sigma;

/// <summary>The <c>detection</c> section: search identifiers, values, modifiers and conditions.</summary>
public static partial class SigmaRuleLoader
{
    private static (IReadOnlyList<string> Conditions, IReadOnlyDictionary<string, Selection> Selections) ReadDetection(YamlMappingNode detection, string? skipKey)
    {
        var conditionNode = Child(detection, "condition")
            ?? throw new SigmaRuleException("the detection has no 'condition'", (int)detection.Start.Line);
        var conditions = conditionNode switch
        {
            YamlScalarNode s when !string.IsNullOrWhiteSpace(s.Value) => [s.Value],
            YamlSequenceNode seq when seq.Children.Count > 0 && seq.Children.All(c => c is YamlScalarNode) =>
                seq.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList(),
            _ => throw new SigmaRuleException("'condition' must be a string or a list of strings", (int)conditionNode.Start.Line),
        };
        foreach (var condition in conditions)
        {
            CheckLegacyCondition(condition, (int)conditionNode.Start.Line);
        }

        var selections = new Dictionary<string, Selection>(StringComparer.Ordinal);
        foreach (var (key, value) in detection.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (name is "condition" or "timeframe" || name == skipKey)
            {
                continue;
            }

            selections[name] = ReadSelection(name, value);
        }

        return (conditions, selections);
    }

    /// <summary>
    /// The v1 aggregation syntax (<c>| count() by x &gt; n</c>, <c>near</c>) was removed in v2; it is
    /// rejected with a pointer to the correlation rule that replaces it.
    /// </summary>
    private static void CheckLegacyCondition(string condition, int line)
    {
        if (condition.Contains('|', StringComparison.Ordinal) || condition.Contains("count(", StringComparison.OrdinalIgnoreCase))
        {
            throw new SigmaRuleException(
                $"condition '{condition}' uses the obsolete v1 aggregation syntax ('| count() by ...'); write a correlation rule instead " +
                "(correlation: type: event_count or value_count, rules: [this rule's id or name], group-by: [...], timespan: ..., condition: {gte: n})",
                line);
        }

        foreach (var word in condition.Split([' ', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word == "near")
            {
                throw new SigmaRuleException(
                    $"condition '{condition}' uses the obsolete v1 'near' operator; write a correlation rule of type temporal (or temporal_ordered) over the rules instead",
                    line);
            }
        }
    }

    private static Selection ReadSelection(string name, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                return new Selection(name, [ReadMap(map)]);
            case YamlSequenceNode seq:
                var alternatives = new List<IReadOnlyList<FieldMatcher>>();
                var keywords = new List<string?>();
                foreach (var item in seq.Children)
                {
                    if (item is YamlMappingNode m)
                    {
                        alternatives.Add(ReadMap(m));
                    }
                    else
                    {
                        keywords.Add(ScalarValue(item));
                    }
                }

                if (keywords.Count > 0)
                {
                    alternatives.Add([new FieldMatcher(null, [], keywords, (int)seq.Start.Line)]);
                }

                if (alternatives.Count == 0)
                {
                    throw new SigmaRuleException($"search identifier '{name}' is an empty list", (int)node.Start.Line);
                }

                return new Selection(name, alternatives);
            case YamlScalarNode scalar:
                return new Selection(name, [[new FieldMatcher(null, [], [ScalarValue(scalar)], (int)scalar.Start.Line)]]);
            default:
                throw new SigmaRuleException($"search identifier '{name}' has an unsupported shape", (int)node.Start.Line);
        }
    }

    private static List<FieldMatcher> ReadMap(YamlMappingNode map)
    {
        var matchers = new List<FieldMatcher>();
        foreach (var (key, value) in map.Children)
        {
            var line = (int)key.Start.Line;
            var parts = ((YamlScalarNode)key).Value!.Split('|');
            var modifiers = parts[1..];
            foreach (var modifier in modifiers)
            {
                if (!SigmaModifiers.IsKnown(modifier))
                {
                    throw new SigmaRuleException($"unknown modifier '{modifier}' on field '{parts[0]}' (v2.1.0 modifiers: contains, startswith, endswith, all, exists, cased, neq, windash, re, i, m, s, base64, base64offset, utf16le, wide, utf16be, utf16, lt, lte, gt, gte, minute, hour, day, week, month, year, cidr, expand, fieldref)", line);
                }
            }

            List<string?> values = value switch
            {
                YamlSequenceNode seq => seq.Children.Select(ScalarValue).ToList(),
                _ => [ScalarValue(value)],
            };
            if (values.Count == 0)
            {
                throw new SigmaRuleException($"field '{parts[0]}' has an empty value list", line);
            }

            CheckModifierValues(parts[0], modifiers, values, line);
            matchers.Add(new FieldMatcher(parts[0].Length == 0 ? null : parts[0], modifiers, values, line));
        }

        return matchers;
    }

    private static void CheckModifierValues(string field, string[] modifiers, List<string?> values, int line)
    {
        foreach (var modifier in modifiers)
        {
            switch (modifier)
            {
                case "exists" when values.Count != 1 || values[0] is not ("true" or "false" or "True" or "False"):
                    throw new SigmaRuleException($"'{field}|exists' needs a single boolean value", line);
                case "lt" or "lte" or "gt" or "gte" when values.Any(v => !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)):
                    throw new SigmaRuleException($"'{field}|{modifier}' needs numeric values", line);
                case "minute" or "hour" or "day" or "week" or "month" or "year" when values.Any(v => !long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)):
                    throw new SigmaRuleException($"'{field}|{modifier}' needs integer values", line);
                case "re" when Array.IndexOf(modifiers, "re") != Array.LastIndexOf(modifiers, "re"):
                    throw new SigmaRuleException($"'{field}' repeats 're'", line);
                default:
                    break;
            }
        }

        if (modifiers.Contains("re") && modifiers.Any(m => m is "contains" or "startswith" or "endswith" or "windash" or "base64" or "base64offset" or "cidr"))
        {
            throw new SigmaRuleException($"'{field}': 're' cannot be combined with string-transforming modifiers", line);
        }
    }

    private static string? ScalarValue(YamlNode node) => node switch
    {
        YamlScalarNode { Style: not ScalarStyle.Plain } s => s.Value,
        YamlScalarNode { Value: "null" or "~" or "" or "Null" or "NULL" } => null,
        YamlScalarNode s => s.Value,
        _ => throw new SigmaRuleException("a value must be a scalar", (int)node.Start.Line),
    };
}
