using System.Globalization;

namespace Soc.Detection.Evaluation;

/// <summary>
/// Issue 9's quality bar for the Soc pack: at least 95% detection on each of sqli, xss, path-traversal and cmdi, at
/// most 0.5% false positives on normal requests, and better than SigmaHQ's web rules on both measures.
/// </summary>
public static class DetectionTargets
{
    public const double MinDetectionRate = 0.95;
    public const double MaxFalsePositiveRate = 0.005;

    public static readonly IReadOnlyList<string> TargetClasses = ["sqli", "xss", "path-traversal", "cmdi"];

    /// <summary>Every target the pack misses, as a sentence; empty when all are met.</summary>
    public static IReadOnlyList<string> Failures(RuleSetScore pack, RuleSetScore baseline)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(baseline);
        var failures = new List<string>();
        foreach (var c in TargetClasses)
        {
            var score = pack.Class(c);
            if (score.Lines == 0 || score.Rate < MinDetectionRate)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{c}: detection {score.Rate:P2} below {MinDetectionRate:P0}"));
            }
        }

        if (pack.Normal.Lines == 0 || pack.Normal.Rate > MaxFalsePositiveRate)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"false positives {pack.Normal.Rate:P2} above {MaxFalsePositiveRate:P1}"));
        }

        if (pack.Attacks.Rate <= baseline.Attacks.Rate)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"detection {pack.Attacks.Rate:P2} not better than {baseline.Name}'s {baseline.Attacks.Rate:P2}"));
        }

        if (pack.Normal.Rate > baseline.Normal.Rate)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"false positives {pack.Normal.Rate:P2} worse than {baseline.Name}'s {baseline.Normal.Rate:P2}"));
        }

        return failures;
    }
}
