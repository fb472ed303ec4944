using Soc.Detection.Events;
using Soc.Detection.Parsing;

namespace Soc.Detection.Tests.Parsing;

/// <summary>Builds records and a normaliser with a fixed clock (2024-06-01T00:00Z) for the unit tests.</summary>
public static class TestRecords
{
    public static readonly DateTimeOffset Now = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static EventNormalizer Normalizer { get; } = new(new FixedClock(Now));

    public static LogEvent Normalize(string type, string line, string zone = RawRecord.DefaultTimeZone) =>
        Normalizer.Normalize(Record(type, line, zone));

    public static RawRecord Record(string type, string line, string zone = RawRecord.DefaultTimeZone) =>
        new("rec-1", type, "collector-host", "/var/log/test.log", Now, zone, line, "192.0.2.10");

    public static IReadOnlyList<object?> List(LogEvent ev, string field) => (IReadOnlyList<object?>)ev[field]!;
}
