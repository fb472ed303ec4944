using System.Text.Json.Serialization;

namespace Soc.Collector.Inputs.Files;

/// <summary>Source-generated JSON for the checkpoint file: reflection-based serialization breaks in the trimmed single-file publish.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(List<FileCheckpoint>))]
internal sealed partial class CheckpointJsonContext : JsonSerializerContext;
