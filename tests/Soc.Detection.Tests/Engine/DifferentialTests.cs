using System.Text;
using Soc.Detection.Compilation;
using Soc.Detection.Engine;
using Soc.Detection.Events;
using Soc.Detection.Sigma;
using Soc.Detection.Tests.Sigma;

namespace Soc.Detection.Tests.Engine;

/// <summary>
/// Seeded random events built from the literals of every routed corpus rule: the compiled engine (routing,
/// candidate index, merged searches, reordered trees) and the naive evaluator must agree on every match.
/// </summary>
public sealed class DifferentialTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void CompiledEngineAgreesWithNaiveEvaluatorOnRandomEvents(int seed, bool keywordsEverywhere)
    {
        var rules = CorpusLoadTests.LoadCorpus().Rules.Where(r => LogSourceMap.Default.RoutesFor(r.LogSource).Count > 0).ToList();
        var options = new DetectionEngineOptions { KeywordsSearchAllFields = keywordsEverywhere };
        var engine = new DetectionEngine(rules, options);
        var naive = new NaiveEvaluator(rules, options);
        var pools = Pools(rules);
        var random = new Random(seed);
        var datasets = pools.Keys.Order(StringComparer.Ordinal).ToArray();
        var matches = 0;
        var alerts = new List<Alert>();
        for (var i = 0; i < 4000; i++)
        {
            var dataset = datasets[random.Next(datasets.Length)];
            var ev = RandomEvent(random, dataset, pools[dataset]);
            alerts.Clear();
            engine.Evaluate(ev, alerts);
            var compiled = alerts.Select(a => a.RuleId).Order(StringComparer.Ordinal).ToList();
            var expected = naive.Matches(ev).Order(StringComparer.Ordinal).ToList();
            Assert.True(expected.SequenceEqual(compiled), $"event {i} ({Describe(ev)}): naive [{string.Join(", ", expected)}] vs compiled [{string.Join(", ", compiled)}]");
            matches += expected.Count;
        }

        Assert.True(matches > 100, $"only {matches} matches: the generator no longer exercises the rules");
    }

    private static Dictionary<string, List<(string Field, string Value)>> Pools(List<SigmaRule> rules)
    {
        var pools = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            foreach (var route in LogSourceMap.Default.RoutesFor(rule.LogSource))
            {
                foreach (var dataset in route.Datasets)
                {
                    if (!pools.TryGetValue(dataset, out var pool))
                    {
                        pools[dataset] = pool = [];
                    }

                    foreach (var item in rule.Selections.Values.SelectMany(s => s.Alternatives).SelectMany(a => a))
                    {
                        var field = item.Field is null ? EcsFields.Message : route.Map(item.Field)[0];
                        foreach (var v in item.Values)
                        {
                            if (v is not null && !item.Modifiers.Contains("re"))
                            {
                                pool.Add((field, v));
                            }
                        }
                    }
                }
            }
        }

        return pools;
    }

    private static LogEvent RandomEvent(Random random, string dataset, List<(string Field, string Value)> pool)
    {
        var ev = new LogEvent { Timestamp = new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero) };
        ev.Set(EcsFields.EventDataset, dataset);
        if (dataset == "auditd" && random.Next(2) == 0)
        {
            ev.Set("event.category", new List<object?> { "process" });
            ev.Set("event.type", "start");
        }

        // Rules are AND-heavy: take several items of one rule-ish neighbourhood (adjacent pool entries).
        var start = random.Next(pool.Count);
        var count = 1 + random.Next(6);
        for (var k = 0; k < count; k++)
        {
            var (field, value) = pool[(start + k + (random.Next(4) == 0 ? random.Next(pool.Count) : 0)) % pool.Count];
            var text = Mutate(random, value);
            if (field == EcsFields.Message && ev.Message is { } existing)
            {
                text = existing + " " + text;
            }

            ev.Set(field, long.TryParse(text, out var n) && random.Next(2) == 0 ? n : text);
        }

        return ev;
    }

    private static string Mutate(Random random, string value)
    {
        var sb = new StringBuilder();
        if (random.Next(3) == 0)
        {
            sb.Append("xx ");
        }

        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '*' => random.Next(2) == 0 ? "" : "ab",
                '?' => "q",
                _ when random.Next(10) == 0 => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c),
                _ => c,
            });
        }

        if (random.Next(3) == 0)
        {
            sb.Append(" yy");
        }

        return random.Next(20) == 0 ? sb.ToString()[..(sb.Length / 2)] : sb.ToString();
    }

    private static string Describe(LogEvent ev) => string.Join("; ", ev.Fields.Select(kv => kv.Key + "=" + kv.Value));
}
