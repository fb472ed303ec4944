using System.Globalization;

namespace Soc.Detection.Evaluation;

/// <summary>
/// <c>soc eval [--corpus dir] [--rules dir] [--split test|train|full] [--examples n]</c>: builds labelled access-log
/// lines from the corpus (HttpParamsDataset payloads wrapped into requests, plus the benign Filebeat access logs),
/// scores SigmaHQ's web rules, the Soc pack and both together, and prints the Markdown tables and whether the
/// pack meets <see cref="DetectionTargets"/>. Exit code 0 when the targets hold, 1 when not, 2 on a usage error.
/// </summary>
public static class EvaluateCommand
{
    public const string SigmaHqName = "SigmaHQ web rules";
    public const string PackName = "Soc pack";
    public const string BothName = "SigmaHQ + Soc";

    private const string Usage = "usage: soc eval [--corpus dir] [--rules dir] [--split test|train|full] [--examples n]";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var corpus = Path.Combine("..", "shared", "corpus");
        var rules = "rules";
        var split = "test";
        var examples = 0;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--corpus" when i + 1 < args.Count:
                    corpus = args[++i];
                    break;
                case "--rules" when i + 1 < args.Count:
                    rules = args[++i];
                    break;
                case "--split" when i + 1 < args.Count:
                    split = args[++i];
                    break;
                case "--examples" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n):
                    examples = n;
                    i++;
                    break;
                default:
                    stderr.WriteLine(Usage);
                    return 2;
            }
        }

        if (split is not ("test" or "train" or "full") || !Directory.Exists(corpus) || !Directory.Exists(rules))
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        var report = Measure(corpus, rules, split, examples);
        stdout.WriteLine($"Split: payload_{split}.csv, {report.Lines} lines\n");
        stdout.WriteLine(report.ToMarkdown());
        stdout.WriteLine(report.VariantsMarkdown(PackName));
        stdout.WriteLine("| rule (Soc pack) | lines it flagged |\n| --- | ---: |");
        foreach (var (title, lines) in report.Set(PackName).TopRules)
        {
            stdout.WriteLine($"| {title} | {lines} |");
        }

        stdout.WriteLine();
        foreach (var set in report.Sets)
        {
            foreach (var c in set.Classes.Where(c => c.Examples.Count > 0))
            {
                stdout.WriteLine($"{set.Name}, {c.Class}: {(c.Class == LabelledLine.NormalLabel ? "flagged" : "missed")}");
                foreach (var e in c.Examples)
                {
                    stdout.WriteLine("  " + e);
                }
            }
        }

        var failures = DetectionTargets.Failures(report.Set(PackName), report.Set(SigmaHqName));
        stdout.WriteLine(failures.Count == 0 ? "targets met" : "targets missed: " + string.Join("; ", failures));
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>The labelled lines of a split: wrapped payloads and the corpus's benign access-log lines.</summary>
    public static IReadOnlyList<LabelledLine> Lines(string corpus, string split)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var lines = PayloadRequestBuilder.FromPayloadFile(Path.Combine(corpus, "logs", "web-attacks", "HttpParamsDataset", $"payload_{split}.csv")).ToList();
        foreach (var server in (string[])["nginx", "apache"])
        {
            var log = Path.Combine(corpus, "logs", "filebeat", server, "access", "test", "test.log");
            if (File.Exists(log))
            {
                lines.AddRange(PayloadRequestBuilder.FromAccessLog(log, server + ".access"));
            }
        }

        return lines;
    }

    /// <summary>Scores (a) SigmaHQ's web rules, (b) the Soc pack under <paramref name="rules"/>, (c) both, on one split.</summary>
    public static DetectionQualityReport Measure(string corpus, string rules, string split, int examples = 0)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var sigma = Path.Combine(corpus, "sigma");
        var sigmaHq = DetectionQualityEvaluator.LoadWebServerRules([Path.Combine(sigma, "rules", "web"), Path.Combine(sigma, "rules-emerging-threats")]);
        var pack = DetectionQualityEvaluator.LoadPack(rules);
        var evaluator = new DetectionQualityEvaluator { ExamplesPerClass = examples };
        return evaluator.Evaluate(
            Lines(corpus, split),
            [new(SigmaHqName, sigmaHq), new(PackName, pack)],
            BothName);
    }
}
