using System.Text.Json.Serialization;

namespace Soc.Collector.Records;

/// <summary>Source-generated JSON for the record hot path: no reflection per record, trimming-safe for single-file publish.</summary>
[JsonSerializable(typeof(CollectorRecord))]
public sealed partial class CollectorRecordJsonContext : JsonSerializerContext;
