using System.Text.Json;
using Soc.Collector.Records;

namespace Soc.Collector.Tests.Support;

/// <summary>Test records and reading them back from queue payloads.</summary>
public static class TestRecords
{
    public static CollectorRecord Line(string message, string id = "") =>
        new(id, "syslog", "test-host", "test", DateTimeOffset.UnixEpoch, "UTC", message, null);

    public static CollectorRecord Parse(byte[] payload) =>
        JsonSerializer.Deserialize(payload, CollectorRecordJsonContext.Default.CollectorRecord)!;
}
