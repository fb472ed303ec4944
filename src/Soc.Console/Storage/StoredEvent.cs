using System.Text.Json;

namespace Soc.Console.Storage;

/// <summary>An event as stored: its record id, agency, time and all ECS fields as one flat JSON object.</summary>
public sealed record StoredEvent(string Id, string AgencyId, DateTimeOffset Timestamp, string? Dataset, string? Host, string? Message, JsonElement Fields);
