using System.Globalization;
using System.Text.RegularExpressions;
using Soc.Detection.Events;
using Soc.Detection.Sigma;

namespace Soc.Detection.Engine;

/// <summary>
/// Evaluates loaded Sigma rules against events. This is the walking-skeleton evaluator: a direct
/// interpretation of each rule (keywords, field equality with wildcards, contains/startswith/endswith/all/re,
/// and/or/not/of conditions). Issue 3 replaces it with the compiled engine.
/// </summary>
public sealed class DetectionEngine
{
    private readonly List<SigmaRule> _rules;

    public DetectionEngine(IEnumerable<SigmaRule> rules) => _rules = [.. rules];

    public int RuleCount => _rules.Count;

    /// <summary>Appends one alert per matching rule to <paramref name="alerts"/>.</summary>
    public void Evaluate(LogEvent ev, List<Alert> alerts)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(alerts);
        foreach (var rule in _rules)
        {
            var matched = new Dictionary<string, string>(StringComparer.Ordinal);
            if (ConditionEvaluator.Evaluate(rule, name => MatchSelection(rule.Selections[name], ev, matched)))
            {
                alerts.Add(new Alert
                {
                    RuleId = rule.Id,
                    RuleTitle = rule.Title,
                    Level = rule.Level,
                    Author = rule.Author,
                    Description = rule.Description,
                    Tags = rule.Tags,
                    MatchedFields = matched,
                    Timestamp = ev.Timestamp,
                    Event = ev,
                    EventIds = ev.GetString(EcsFields.EventId) is { } id ? [id] : [],
                });
            }
        }
    }

    private static bool MatchSelection(Selection selection, LogEvent ev, Dictionary<string, string> matched)
    {
        foreach (var alternative in selection.Alternatives)
        {
            if (alternative.All(m => MatchField(m, ev, matched)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchField(FieldMatcher matcher, LogEvent ev, Dictionary<string, string> matched)
    {
        var field = matcher.Field ?? EcsFields.Message;
        var actual = ev[field] switch
        {
            null => null,
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var o => o.ToString(),
        };
        var all = matcher.Modifiers.Contains("all");
        bool Test(string? expected) => actual is null ? expected is null : expected is not null && MatchValue(actual, expected, matcher.Modifiers);
        var ok = all ? matcher.Values.All(Test) : matcher.Values.Any(Test);
        if (ok && actual is not null)
        {
            matched[field] = actual;
        }

        return ok;
    }

    private static bool MatchValue(string actual, string expected, IReadOnlyList<string> modifiers)
    {
        var comparison = modifiers.Contains("cased") ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (modifiers.Contains("re"))
        {
            return Regex.IsMatch(actual, expected, RegexOptions.None, TimeSpan.FromMilliseconds(100));
        }

        var pattern = modifiers.Contains("contains") ? "*" + expected + "*"
            : modifiers.Contains("startswith") ? expected + "*"
            : modifiers.Contains("endswith") ? "*" + expected
            : expected;
        if (!pattern.Contains('*', StringComparison.Ordinal) && !pattern.Contains('?', StringComparison.Ordinal))
        {
            return string.Equals(actual, pattern, comparison);
        }

        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
        var options = RegexOptions.Singleline | (comparison == StringComparison.OrdinalIgnoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        return Regex.IsMatch(actual, regex, options, TimeSpan.FromMilliseconds(100));
    }
}
