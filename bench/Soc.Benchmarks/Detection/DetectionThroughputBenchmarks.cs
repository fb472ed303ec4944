using BenchmarkDotNet.Attributes;
using Soc.Detection.Engine;
using Soc.Detection.Events;

namespace Soc.Benchmarks.Detection;

/// <summary>
/// Events/s of the compiled engine and of the naive reference evaluator on each lane, with all corpus rules
/// loaded or only the rules whose logsource fits. One operation = one event.
/// </summary>
[MemoryDiagnoser]
public class DetectionThroughputBenchmarks
{
    /// <summary>The naive evaluator is ~1000× slower; it runs over the first events of the lane only.</summary>
    public const int NaiveEvents = 2_000;

    private readonly List<Alert> _alerts = [];
    private LogEvent[] _events = [];
    private DetectionEngine _engine = null!;
    private NaiveEvaluator _naive = null!;

    [Params("web", "syslog", "network", "auditd")]
    public string Lane { get; set; } = "web";

    [Params("all", "fitting")]
    public string Rules { get; set; } = "all";

    [GlobalSetup]
    public void Setup()
    {
        _events = LaneGenerator.Lane(Lane);
        var rules = Rules == "all" ? BenchCorpus.All : BenchCorpus.Fitting;
        _engine = new DetectionEngine(rules);
        _naive = new NaiveEvaluator(rules);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = NaiveEvents)]
    public int Naive()
    {
        var n = 0;
        for (var i = 0; i < NaiveEvents; i++)
        {
            n += _naive.Matches(_events[i]).Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = LaneGenerator.LaneSize)]
    public int Compiled()
    {
        var n = 0;
        foreach (var ev in _events)
        {
            _engine.Evaluate(ev, _alerts);
            n += _alerts.Count;
            _alerts.Clear();
        }

        return n;
    }
}
