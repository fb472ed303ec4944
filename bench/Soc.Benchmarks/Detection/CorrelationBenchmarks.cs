using BenchmarkDotNet.Attributes;
using Soc.Detection.Compilation;
using Soc.Detection.Correlation;
using Soc.Detection.Engine;
using Soc.Detection.Events;
using Soc.Detection.Sigma;

namespace Soc.Benchmarks.Detection;

/// <summary>
/// Correlation state updates/s: event_count (gte 100), value_count (17 distinct users cycling through each group),
/// value_sum and temporal windows of 1 h grouped by source IP (10,000 live groups, 1,000 updates/s of event time).
/// </summary>
[MemoryDiagnoser]
public class CorrelationBenchmarks
{
    public const int Updates = 100_000;

    private readonly List<Alert> _alerts = [];
    private LogEvent[] _events = [];
    private CorrelationEngine _engine = null!;
    private SigmaRule _base = null!;

    [Params("event_count", "value_count", "value_sum", "temporal")]
    public string Type { get; set; } = "event_count";

    [GlobalSetup]
    public void Setup()
    {
        (_engine, _base) = Build(Type);
        _events = Events(Updates, 10_000);
    }

    internal static (CorrelationEngine Engine, SigmaRule Base) Build(string type)
    {
        var condition = type switch
        {
            "event_count" => "    condition:\n        gte: 100\n",
            "value_count" => "    condition:\n        field: user.name\n        gte: 1000000\n",
            "value_sum" => "    condition:\n        field: bytes\n        gte: 1000000000000\n",
            _ => "",
        };
        var rules = type == "temporal" ? "[base-1, never-1]" : "[base-1]";
        var text = $"title: base\nid: base-1\ndetection:\n    sel:\n        a: b\n    condition: sel\n---\ntitle: c\nid: corr-1\ncorrelation:\n    type: {type}\n    rules: {rules}\n    group-by: [source.ip]\n    timespan: 1h\n{condition}";
        var loaded = SigmaRuleLoader.LoadText(text).Rules;
        return (new CorrelationEngine(loaded, new CorrelationOptions { MaxGroupsPerRule = 1_000_000 }), loaded[0]);
    }

    internal static LogEvent[] Events(int count, int groups)
    {
        var t0 = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
        var ips = Enumerable.Range(0, groups).Select(i => $"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}").ToArray();
        // 17 users: coprime with the group counts used, so every group sees all of them in turn.
        var users = Enumerable.Range(0, 17).Select(i => "user" + i).ToArray();
        var events = new LogEvent[count];
        for (var i = 0; i < count; i++)
        {
            var ev = new LogEvent { Timestamp = t0.AddMilliseconds(i) };
            ev.Set("source.ip", ips[i % groups]);
            ev.Set("user.name", users[i % users.Length]);
            ev.Set("bytes", (long)(i & 1023));
            events[i] = ev;
        }

        return events;
    }

    private long _shiftMs;

    [Benchmark(OperationsPerInvoke = Updates)]
    public int StateUpdates()
    {
        // Event time moves on across invocations, as in a stream, so windows slide and old entries expire.
        var t0 = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero).AddMilliseconds(_shiftMs);
        _shiftMs += Updates;
        for (var i = 0; i < _events.Length; i++)
        {
            var ev = _events[i];
            ev.Timestamp = t0.AddMilliseconds(i);
            _engine.OnMatch(_base, LogSourceMap.AnyRoute, ev, _alerts);
        }

        var n = _alerts.Count;
        _alerts.Clear();
        return n;
    }
}
