using Soc.Detection.Engine;
using Soc.Detection.Events;
using Soc.Detection.Parsing;
using Soc.Detection.Sigma;

namespace Soc.Detection.Evaluation;

/// <summary>
/// Measures rule sets on labelled raw lines: every line goes through the real <see cref="EventNormalizer"/> and a
/// <see cref="DetectionEngine"/> per rule set; a line counts as flagged when at least one detection rule matches it
/// (correlation alerts are left out: each labelled line stands alone). Per class the result is the share of flagged
/// lines: the detection rate for attack classes, the false-positive rate for the normal class.
/// </summary>
public sealed class DetectionQualityEvaluator(TimeProvider time)
{
    public DetectionQualityEvaluator()
        : this(TimeProvider.System)
    {
    }

    /// <summary>How many missed attack lines and flagged normal lines to keep per class, for tuning.</summary>
    public int ExamplesPerClass { get; init; }

    /// <summary>Scores each rule set and, when <paramref name="unionName"/> is given, the union of all of them.</summary>
    public DetectionQualityReport Evaluate(IReadOnlyList<LabelledLine> lines, IReadOnlyList<KeyValuePair<string, IReadOnlyList<SigmaRule>>> ruleSets, string? unionName = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(ruleSets);
        var normalizer = new EventNormalizer(time);
        var engines = ruleSets.Select(s => new DetectionEngine(s.Value)).ToArray();
        var tallies = ruleSets.Select(s => new Tally(s.Key, s.Value.Count)).ToList();
        var union = unionName is null ? null : new Tally(unionName, ruleSets.Sum(s => s.Value.Count));
        var alerts = new List<Alert>();
        var fired = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var ev = normalizer.Normalize(new RawRecord("eval-" + i, line.SourceType, "eval", "eval", DateTimeOffset.UnixEpoch, RawRecord.DefaultTimeZone, line.Line));
            fired.Clear();
            for (var s = 0; s < engines.Length; s++)
            {
                alerts.Clear();
                engines[s].Evaluate(ev, alerts);
                var titles = alerts.Where(a => a.Kind == Alert.KindMatch).Select(a => a.RuleTitle).ToList();
                tallies[s].Add(line, titles, ExamplesPerClass);
                fired.AddRange(titles);
            }

            union?.Add(line, fired, ExamplesPerClass);
        }

        var scores = tallies.Select(t => t.Score()).ToList();
        if (union is not null)
        {
            scores.Add(union.Score());
        }

        return new DetectionQualityReport(lines.Count, scores);
    }

    /// <summary>SigmaHQ's rules for web-server access logs (<c>category: webserver</c>) under the given folders.</summary>
    public static IReadOnlyList<SigmaRule> LoadWebServerRules(IEnumerable<string> paths)
    {
        var loaded = SigmaRuleLoader.LoadPaths(paths.Where(p => Directory.Exists(p) || File.Exists(p)));
        return loaded.Rules.Where(r => string.Equals(r.LogSource.Category, "webserver", StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>
    /// The whole Soc pack, correlations included: as in production, a helper rule that only feeds a correlation
    /// (<c>generate: false</c>) stays silent. Correlation alerts themselves are not counted (see the class summary).
    /// </summary>
    public static IReadOnlyList<SigmaRule> LoadPack(string rulesFolder) => SigmaRuleLoader.LoadPaths([rulesFolder]).Rules;

    private sealed class Tally(string name, int rules)
    {
        private readonly Dictionary<string, (int Lines, int Flagged, List<string> Examples)> _classes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (int Lines, int Flagged)> _variants = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _rules = new(StringComparer.Ordinal);

        public void Add(LabelledLine line, List<string> titles, int examples)
        {
            var flagged = titles.Count > 0;
            var c = _classes.TryGetValue(line.Label, out var x) ? x : (Lines: 0, Flagged: 0, Examples: new List<string>());
            var attack = line.Label != LabelledLine.NormalLabel;
            if (c.Examples.Count < examples && flagged != attack)
            {
                c.Examples.Add(flagged ? $"{line.Line}  <= {string.Join(", ", titles.Distinct())}" : line.Line);
            }

            _classes[line.Label] = (c.Lines + 1, c.Flagged + (flagged ? 1 : 0), c.Examples);
            var key = (attack ? "attacks" : LabelledLine.NormalLabel) + " " + line.Variant;
            var v = _variants.TryGetValue(key, out var y) ? y : (Lines: 0, Flagged: 0);
            _variants[key] = (v.Lines + 1, v.Flagged + (flagged ? 1 : 0));
            foreach (var t in titles.Distinct())
            {
                _rules[t] = _rules.GetValueOrDefault(t) + 1;
            }
        }

        public RuleSetScore Score() => new(
            name,
            rules,
            _classes.OrderBy(k => k.Key == LabelledLine.NormalLabel ? 1 : 0).ThenBy(k => k.Key, StringComparer.Ordinal)
                .Select(k => new ClassScore(k.Key, k.Value.Lines, k.Value.Flagged) { Examples = k.Value.Examples }).ToList(),
            _rules.OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal).ToList())
        {
            Variants = _variants.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => new ClassScore(k.Key, k.Value.Lines, k.Value.Flagged)).ToList(),
        };
    }
}
