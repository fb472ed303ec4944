namespace Soc.Detection.Engine;

/// <summary>Counters of the detection engine; read them between batches (the engine is single-threaded).</summary>
public sealed class EngineStats
{
    public long Events { get; internal set; }

    /// <summary>Rule evaluations performed (after routing and the candidate index).</summary>
    public long RulesEvaluated { get; internal set; }

    /// <summary>Rules evaluated for the most recent event (for per-event distributions in benchmarks).</summary>
    public int LastEventRulesEvaluated { get; internal set; }

    public long Alerts { get; internal set; }
}
