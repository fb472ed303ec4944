using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Soc.Detection.Sigma;

/// <summary>The <c>correlation</c> section of a correlation rule.</summary>
public static partial class SigmaRuleLoader
{
    private static SigmaCorrelation ReadCorrelation(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            throw new SigmaRuleException("'correlation' must be a mapping", (int)node.Start.Line);
        }

        var line = (int)map.Start.Line;
        var type = Scalar(map, "type") switch
        {
            "event_count" => CorrelationType.EventCount,
            "value_count" => CorrelationType.ValueCount,
            "temporal" => CorrelationType.Temporal,
            "temporal_ordered" => CorrelationType.TemporalOrdered,
            "value_sum" => CorrelationType.ValueSum,
            "value_avg" => CorrelationType.ValueAvg,
            "value_percentile" => CorrelationType.ValuePercentile,
            var t => throw new SigmaRuleException($"unknown correlation type '{t}' (event_count, value_count, temporal, temporal_ordered, value_sum, value_avg, value_percentile)", line),
        };
        var rules = List(map, "rules");
        if (rules.Count == 0)
        {
            throw new SigmaRuleException("the correlation names no 'rules'", line);
        }

        var timespanText = Scalar(map, "timespan") ?? Scalar(map, "timeframe")
            ?? throw new SigmaRuleException("the correlation has no 'timespan'", line);
        var timespan = ParseTimespan(timespanText)
            ?? throw new SigmaRuleException($"timespan '{timespanText}' is not a number followed by s, m, h, d, w, M or y", line);
        var conditions = new List<CorrelationCondition>();
        string? field = null;
        if (Child(map, "condition") is YamlMappingNode cond)
        {
            foreach (var (k, v) in cond.Children)
            {
                var op = ((YamlScalarNode)k).Value!;
                var text = (v as YamlScalarNode)?.Value;
                if (op == "field")
                {
                    field = text;
                    continue;
                }

                if (op is not ("gt" or "gte" or "lt" or "lte" or "eq" or "neq"))
                {
                    throw new SigmaRuleException($"unknown correlation condition operator '{op}' (gt, gte, lt, lte, eq, neq)", (int)k.Start.Line);
                }

                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    throw new SigmaRuleException($"correlation condition '{op}' needs a number", (int)v.Start.Line);
                }

                conditions.Add(new CorrelationCondition(op, value));
            }
        }

        var temporal = type is CorrelationType.Temporal or CorrelationType.TemporalOrdered;
        if (!temporal && conditions.Count == 0)
        {
            throw new SigmaRuleException($"a {Scalar(map, "type")} correlation needs a 'condition'", line);
        }

        if (type is CorrelationType.ValueCount or CorrelationType.ValueSum or CorrelationType.ValueAvg or CorrelationType.ValuePercentile && field is null)
        {
            throw new SigmaRuleException($"a {Scalar(map, "type")} correlation needs 'condition.field'", line);
        }

        return new SigmaCorrelation
        {
            Type = type,
            Rules = rules,
            GroupBy = List(map, "group-by"),
            Timespan = timespan,
            Conditions = conditions,
            ConditionField = field,
            Aliases = ReadAliases(map),
            Generate = Scalar(map, "generate") is "true" or "True" or "yes",
        };
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> ReadAliases(YamlMappingNode map)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (Child(map, "aliases") is YamlMappingNode aliases)
        {
            foreach (var (k, v) in aliases.Children)
            {
                if (v is not YamlMappingNode perRule)
                {
                    throw new SigmaRuleException($"alias '{k}' must map rule names to fields", (int)v.Start.Line);
                }

                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (rk, rv) in perRule.Children)
                {
                    fields[((YamlScalarNode)rk).Value!] = ((YamlScalarNode)rv).Value!;
                }

                result[((YamlScalarNode)k).Value!] = fields;
            }
        }

        return result;
    }

    /// <summary>Parses <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>1d</c>, <c>1w</c>, <c>1M</c> (30 days), <c>1y</c> (365 days).</summary>
    public static TimeSpan? ParseTimespan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 2 || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        return text[^1] switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            'w' => TimeSpan.FromDays(7 * n),
            'M' => TimeSpan.FromDays(30 * n),
            'y' => TimeSpan.FromDays(365 * n),
            _ => null,
        };
    }
}
