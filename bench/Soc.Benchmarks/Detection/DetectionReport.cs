using System.Diagnostics;
using System.Globalization;
using Soc.Detection.Compilation;
using Soc.Detection.Engine;
using Soc.Detection.Sigma;

namespace Soc.Benchmarks.Detection;

/// <summary>
/// Figures BenchmarkDotNet does not report: share of rules evaluated per event (p50/p95/max), routed rule
/// counts and alerts per lane, load + compile wall time, and bytes per live correlation group.
/// Run: dotnet run -c Release --project bench/Soc.Benchmarks -- --detection-report
/// </summary>
public static class DetectionReport
{
    public static void Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var inv = CultureInfo.InvariantCulture;
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            var loaded = SigmaRuleLoader.LoadPaths(BenchCorpus.RulePaths());
            var loadMs = clock.Elapsed.TotalMilliseconds;
            var engine = new DetectionEngine(loaded.Rules);
            output.WriteLine(string.Format(inv, "load+compile run {0}: {1} documents, {2} rules, load {3:F0} ms, compile {4:F0} ms, total {5:F0} ms ({6} routed, {7} unrouted)",
                run + 1, loaded.RuleDocuments, loaded.Rules.Count, loadMs, clock.Elapsed.TotalMilliseconds - loadMs, clock.Elapsed.TotalMilliseconds, engine.RoutedRules, engine.UnroutedRules));
        }

        var all = new DetectionEngine(BenchCorpus.All);
        var total = BenchCorpus.All.Count;
        foreach (var lane in new[] { "web", "syslog", "network", "auditd" })
        {
            var events = LaneGenerator.Lane(lane);
            var counts = new int[events.Length];
            var alerts = new List<Alert>();
            var alertCount = 0;
            var byRule = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < events.Length; i++)
            {
                all.Evaluate(events[i], alerts);
                counts[i] = all.Stats.LastEventRulesEvaluated;
                alertCount += alerts.Count;
                foreach (var a in alerts)
                {
                    byRule[a.RuleTitle] = byRule.GetValueOrDefault(a.RuleTitle) + 1;
                }

                alerts.Clear();
            }

            Array.Sort(counts);
            var routed = events.Select(e => e.GetString("event.dataset")!).Distinct().Select(d => $"{d}={all.RulesForDataset(d)}");
            output.WriteLine(string.Format(inv, "lane {0}: routed rules [{1}]; rules evaluated per event p50 {2} p95 {3} max {4} = p95 {5:P2} of {6} loaded; alerts {7}",
                lane, string.Join(", ", routed), counts[counts.Length / 2], counts[(int)(counts.Length * 0.95)], counts[^1], counts[(int)(counts.Length * 0.95)] / (double)total, total, alertCount));
            foreach (var (title, n) in byRule.OrderByDescending(kv => kv.Value).Take(5))
            {
                output.WriteLine(string.Format(inv, "    {0,6} × {1}", n, title));
            }
        }

        HotRules(output, "web");
        HotRules(output, "syslog");
        // One event per group (100,000 groups), then 16 events per group (10,000 groups): for value_count these
        // are 16 distinct users, for the ring types 16 remembered events.
        foreach (var (type, perGroup) in new[] { ("event_count", 1), ("value_count", 1), ("value_sum", 1), ("temporal", 1), ("event_count", 16), ("value_count", 16), ("value_sum", 16) })
        {
            var groups = perGroup == 1 ? 100_000 : 10_000;
            var events = CorrelationBenchmarks.Events(groups * perGroup, groups);
            var (engine, baseRule) = CorrelationBenchmarks.Build(type);
            var sink = new List<Alert>();
            GC.Collect();
            var before = GC.GetTotalMemory(true);
            foreach (var ev in events)
            {
                engine.OnMatch(baseRule, LogSourceMap.AnyRoute, ev, sink);
            }

            var after = GC.GetTotalMemory(true);
            output.WriteLine(string.Format(inv, "correlation {0}, {1} event(s) per group: {2} live groups, {3:F0} bytes per live group (state only; group-key strings belong to the events)",
                type, perGroup, engine.LiveGroups, (after - before) / (double)engine.LiveGroups));
            GC.KeepAlive(events);
        }
    }

    /// <summary>Where a lane's time goes: gate searches and the costliest rules (all rules evaluated, no index).</summary>
    private static void HotRules(TextWriter output, string lane)
    {
        var inv = CultureInfo.InvariantCulture;
        var events = LaneGenerator.Lane(lane);
        var engine = new DetectionEngine(BenchCorpus.All);
        var alerts = new List<Alert>();
        for (var round = 0; round < 2; round++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var ev in events)
            {
                engine.Evaluate(ev, alerts);
                alerts.Clear();
            }

            output.WriteLine(string.Format(inv, "lane {0} round {1}: {2:F0} events/s (Stopwatch, whole lane)", lane, round + 1, events.Length / clock.Elapsed.TotalSeconds));
        }

        var dataset = events[0].GetString("event.dataset")!;
        var rules = BenchCorpus.All.Where(r => Soc.Detection.Compilation.LogSourceMap.Default.RoutesFor(r.LogSource).Any(x => x.Datasets.Contains(dataset))).ToList();
        var costs = new List<(double Ns, string Title)>();
        foreach (var rule in rules)
        {
            var one = new DetectionEngine([rule], new DetectionEngineOptions { DisableCandidateIndex = true });
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 20_000; i++)
            {
                one.Evaluate(events[i], alerts);
                alerts.Clear();
            }

            costs.Add((clock.Elapsed.TotalNanoseconds / 20_000, rule.Title));
        }

        foreach (var (ns, title) in costs.OrderByDescending(c => c.Ns).Take(6))
        {
            output.WriteLine(string.Format(inv, "    {0,8:F0} ns/event unindexed: {1}", ns, title));
        }
    }
}
