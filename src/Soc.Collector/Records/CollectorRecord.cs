using System.Text.Json.Serialization;

namespace Soc.Collector.Records;

/// <summary>
/// One record on the wire to the center (docs/specs/wire.md): a JSON object per line. The collector does
/// no parsing; it ships the raw line and where, when and from whom it came.
/// </summary>
public sealed record CollectorRecord(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string SourceType,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("received")] DateTimeOffset Received,
    [property: JsonPropertyName("tz")] string TimeZone,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("peer")] string? Peer);
