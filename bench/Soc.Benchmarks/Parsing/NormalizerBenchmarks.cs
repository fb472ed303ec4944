using System.Text;
using BenchmarkDotNet.Attributes;
using Soc.Detection.Events;
using Soc.Detection.Parsing;

namespace Soc.Benchmarks.Parsing;

/// <summary>
/// One line per operation, from UTF-8 bytes (as the ingest API receives them) to a normalised <see cref="LogEvent"/>:
/// decode, build the <see cref="RawRecord"/>, normalise. Lines/s per core = 1e9 / Mean(ns); Allocated = bytes per line.
/// </summary>
[MemoryDiagnoser]
public class NormalizerBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);
    private readonly EventNormalizer _normalizer = new(new FixedTime(Now));
    private byte[] _bytes = [];

    [Params("nginx.access", "syslog-5424", "syslog-3164", "system.auth", "apache.error", "auditd", "cisco.asa", "fortigate", "json")]
    public string Format { get; set; } = "nginx.access";

    private string _type = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        foreach (var (format, type, line) in SampleLines.All)
        {
            if (format == Format)
            {
                _type = type;
                _bytes = Encoding.UTF8.GetBytes(line);
            }
        }
    }

    [Benchmark]
    public LogEvent BytesToEvent()
    {
        var record = new RawRecord("id-1", _type, "collector", "/var/log/x.log", Now, RawRecord.DefaultTimeZone, Encoding.UTF8.GetString(_bytes));
        return _normalizer.Normalize(record);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
