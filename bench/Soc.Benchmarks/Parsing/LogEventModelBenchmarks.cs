using BenchmarkDotNet.Attributes;
using Soc.Detection.Events;

namespace Soc.Benchmarks.Parsing;

/// <summary>
/// The floor the event model sets: creating a <see cref="LogEvent"/> and setting the 24 fields an nginx access event
/// carries, with values already made (no parsing). Compare with <see cref="NormalizerBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class LogEventModelBenchmarks
{
    private static readonly string[] Names =
    [
        "@timestamp", "message", "event.original", "event.id", "event.dataset", "event.kind", "event.category", "event.type",
        "event.outcome", "host.name", "log.file.path", "source.address", "source.ip", "nginx.access.remote_ip_list",
        "http.request.method", "url.original", "url.path", "url.extension", "http.version", "http.response.status_code",
        "http.response.body.bytes", "http.request.referrer", "user_agent.original", "log.source.address",
    ];

    private static readonly object Value = "value";

    [Benchmark]
    public LogEvent CreateAndSet24Fields()
    {
        var ev = new LogEvent(24);
        foreach (var name in Names)
        {
            ev.Set(name, Value);
        }

        return ev;
    }
}
