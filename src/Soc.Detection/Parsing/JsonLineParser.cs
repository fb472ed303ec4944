using System.Text.Json;
using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>
/// JSON lines as they are: nested objects flattened with dots, arrays kept (as lists of scalars; an object inside an
/// array is kept as its JSON text), integers as long, other numbers as double. <c>@timestamp</c>/<c>timestamp</c>/<c>time</c>
/// in ISO 8601 or epoch seconds/milliseconds becomes the event time.
/// </summary>
public static class JsonLineParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32, AllowTrailingCommas = true };

    public static bool TryParse(string line, TimeZoneInfo zone, LogEvent ev)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ev);
        var s = line.AsSpan().Trim();
        if (s.IsEmpty || s[0] != '{')
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(line, Options);
            Flatten(doc.RootElement, null, ev);
        }
        catch (JsonException)
        {
            return false;
        }

        ReadTime(ev, zone);
        if (!ev.Has(EcsFields.EventDataset))
        {
            ev.Set(EcsFields.EventDataset, "json");
        }

        return true;
    }

    private static void Flatten(JsonElement element, string? prefix, LogEvent ev)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix is null ? property.Name : string.Concat(prefix, ".", property.Name);
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Flatten(property.Value, name, ev);
            }
            else if (name is not (EcsFields.EventOriginal or EcsFields.EventId))
            {
                ev.Set(name, ValueOf(property.Value));
            }
        }
    }

    private static object? ValueOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var n) ? (object)n : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => ListOf(value),
        JsonValueKind.Object => value.GetRawText(),
        _ => null,
    };

    private static List<object?> ListOf(JsonElement array)
    {
        var list = new List<object?>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            list.Add(item.ValueKind is JsonValueKind.Array or JsonValueKind.Object ? item.GetRawText() : ValueOf(item));
        }

        return list;
    }

    private static void ReadTime(LogEvent ev, TimeZoneInfo zone)
    {
        foreach (var key in (ReadOnlySpan<string>)["@timestamp", "timestamp", "time", "ts"])
        {
            switch (ev[key])
            {
                case string text when TimestampReader.TryReadIso8601(text, zone, out var stamp, out _, out var assumed):
                    ev.Timestamp = stamp;
                    if (assumed)
                    {
                        ev.Set(EcsFields.EventTimezone, zone.Id);
                    }

                    return;
                case long epoch when epoch is > 0 and < 100_000_000_000:
                    ev.Timestamp = DateTimeOffset.FromUnixTimeSeconds(epoch);
                    return;
                case long epochMs when epochMs is >= 100_000_000_000 and < 100_000_000_000_000:
                    ev.Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(epochMs);
                    return;
                case double seconds when seconds is > 0 and < 100_000_000_000:
                    ev.Timestamp = DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
                    return;
                default:
                    break;
            }
        }
    }
}
