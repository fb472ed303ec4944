using System.Text.Json.Serialization;

namespace Soc.Collector.Records;

/// <summary>
/// One record on the wire to the center (docs/specs/wire.md): a JSON object per line. The collector does
/// no parsing; it ships the raw line and where, when and from whom it came.
/// </summary>
/// <remarks>
/// <see cref="Truncated"/> and <see cref="Offset"/> are optional: they are left out of the JSON when null,
/// so a center that does not know them reads the same object as before.
/// </remarks>
public sealed record CollectorRecord(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string SourceType,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("received")] DateTimeOffset Received,
    [property: JsonPropertyName("tz")] string TimeZone,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("peer")] string? Peer)
{
    /// <summary>True when the input cut the message at its maximum size; the rest of the line was dropped.</summary>
    [JsonPropertyName("truncated")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Truncated { get; init; }

    /// <summary>For file inputs: byte offset of the line's first byte in the file (part of the record id).</summary>
    [JsonPropertyName("offset")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Offset { get; init; }
}
