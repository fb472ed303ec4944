using System.Diagnostics;
using System.Text.Json;
using Soc.Detection.Events;
using Soc.Detection.Parsing;
using Soc.Detection.Sigma;

namespace Soc.Detection.Engine;

/// <summary>
/// <c>soc scan --rules &lt;dir&gt; [--rules &lt;dir&gt;]... [--format auto|jsonl|syslog|nginx|apache] [--mapping file] &lt;file&gt;...</c>:
/// evaluates log files offline. Each line becomes a <see cref="RawRecord"/> normalised by <see cref="EventNormalizer"/>;
/// alerts go to stdout as JSON lines; the summary (events, alerts, events/s) and rule errors go to stderr.
/// Exit code 0 on success, 2 on a usage error.
/// </summary>
public static class ScanCommand
{
    private const string Usage = "usage: soc scan --rules <dir> [--rules <dir>]... [--format auto|jsonl|syslog|nginx|apache] [--mapping file] <file>...";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var rulePaths = new List<string>();
        var files = new List<string>();
        var format = "auto";
        string? mapping = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--rules" when i + 1 < args.Count:
                    rulePaths.Add(args[++i]);
                    break;
                case "--format" when i + 1 < args.Count:
                    format = args[++i];
                    break;
                case "--mapping" when i + 1 < args.Count:
                    mapping = args[++i];
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        stderr.WriteLine(Usage);
                        return 2;
                    }

                    files.Add(args[i]);
                    break;
            }
        }

        if (rulePaths.Count == 0 || files.Count == 0 || format is not ("auto" or "jsonl" or "syslog" or "nginx" or "apache"))
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        var loaded = SigmaRuleLoader.LoadPaths(rulePaths);
        var engine = new DetectionEngine(loaded.Rules, new DetectionEngineOptions { MappingFile = mapping });
        foreach (var error in loaded.Errors.Concat(engine.CompileErrors))
        {
            stderr.WriteLine("rule error: " + error);
        }

        var normalizer = new EventNormalizer();
        var alerts = new List<Alert>();
        long events = 0;
        long alertCount = 0;
        var clock = Stopwatch.StartNew();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                stderr.WriteLine($"no such file: {file}");
                return 2;
            }

            long lineNo = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNo++;
                if (line.Length == 0)
                {
                    continue;
                }

                var record = new RawRecord($"{Path.GetFileName(file)}:{lineNo}", SourceType(format, line), Environment.MachineName, file, DateTimeOffset.UtcNow, RawRecord.DefaultTimeZone, line);
                var ev = normalizer.Normalize(record);
                events++;
                alerts.Clear();
                engine.Evaluate(ev, alerts);
                foreach (var alert in alerts)
                {
                    alertCount++;
                    stdout.WriteLine(ToJson(alert));
                }
            }
        }

        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        stderr.WriteLine(FormattableString.Invariant($"events {events}, alerts {alertCount}, {events / seconds:F0} events/s ({loaded.Rules.Count} rules, {engine.RoutedRules} routed)"));
        return 0;
    }

    /// <summary>The record's source type for a <c>--format</c>; <c>auto</c> guesses per line.</summary>
    public static string SourceType(string format, string line) => format switch
    {
        "jsonl" => "json",
        "syslog" => "syslog",
        "nginx" => "nginx.access",
        "apache" => "apache.access",
        _ => line.StartsWith('{') ? "json"
            : line.Contains(" HTTP/", StringComparison.Ordinal) && line.Contains('"', StringComparison.Ordinal) ? "nginx.access"
            : "syslog",
    };

    public static string ToJson(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var dto = new Dictionary<string, object?>
        {
            ["rule_id"] = alert.RuleId,
            ["title"] = alert.RuleTitle,
            ["level"] = alert.Level,
            ["author"] = alert.Author,
            ["tags"] = alert.Tags,
            ["kind"] = alert.Kind,
            ["timestamp"] = alert.Timestamp,
            ["matched_fields"] = alert.MatchedFields,
            ["event_ids"] = alert.EventIds,
        };
        if (alert.Kind == Alert.KindCorrelation)
        {
            dto["correlation_type"] = alert.CorrelationType;
            dto["group_by"] = alert.GroupBy;
            dto["event_count"] = alert.EventCount;
            dto["value"] = alert.Value;
        }

        if (alert.Event is { } ev)
        {
            dto["event"] = ev.Fields;
        }

        return JsonSerializer.Serialize(dto);
    }
}
