using System.Collections.Concurrent;

namespace Soc.Collector.Telemetry;

/// <summary>All counters of one collector process; survives config reloads (counters per input name).</summary>
public sealed class CollectorMetrics
{
    private readonly ConcurrentDictionary<string, InputCounters> _inputs = new(StringComparer.Ordinal);

    public ShippingCounters Shipping { get; } = new();

    public IEnumerable<InputCounters> Inputs => _inputs.Values;

    public InputCounters ForInput(string name) => _inputs.GetOrAdd(name, static n => new InputCounters(n));
}
