namespace Soc.Collector.Configuration;

/// <summary>The local /metrics and /healthz endpoint (section <c>metrics:</c>).</summary>
public sealed class MetricsOptions
{
    /// <summary><c>host:port</c>; empty turns the endpoint off. Keep it on loopback: it has no authentication.</summary>
    public string Listen { get; set; } = "127.0.0.1:9520";
}
