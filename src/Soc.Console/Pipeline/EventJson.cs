using System.Buffers;
using System.Text.Json;
using Soc.Detection.Events;

namespace Soc.Console.Pipeline;

/// <summary>Writes an event's fields as one flat JSON object (dotted ECS names), as stored and as the API returns it.</summary>
public static class EventJson
{
    public static string Serialize(LogEvent ev) => Serialize(ev, null, null);

    /// <summary>Serialises all fields but the (up to two) named ones, which a store keeps in columns of their own.</summary>
    public static string Serialize(LogEvent ev, string? skip1, string? skip2) =>
        System.Text.Encoding.UTF8.GetString(SerializeUtf8(ev, skip1, skip2));

    // One writer and buffer per thread, reset for each event: a fresh MemoryStream and Utf8JsonWriter per event
    // (and their buffers growing to the event's size) were ~5 KB of garbage per stored event, the largest share
    // of the center's allocations (bench/RESULTS.md).
    private const int MaxKeptBufferBytes = 256 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _threadWriter;

    /// <summary>As <see cref="Serialize(LogEvent, string?, string?)"/>, as UTF-8 bytes: what SQLite stores, without a round trip through UTF-16.</summary>
    public static byte[] SerializeUtf8(LogEvent ev, string? skip1, string? skip2)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var buffer = _threadBuffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = _threadWriter ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        try
        {
            writer.WriteStartObject();
            foreach (var (name, value) in ev.Fields)
            {
                if (name == skip1 || name == skip2)
                {
                    continue;
                }

                writer.WritePropertyName(name);
                WriteValue(writer, value);
            }

            writer.WriteEndObject();
            writer.Flush();
            var json = buffer.WrittenSpan.ToArray();
            if (buffer.Capacity > MaxKeptBufferBytes)
            {
                _threadBuffer = null; // a rare huge event does not keep its buffer on this thread for good
            }

            return json;
        }
        catch
        {
            // A half-written event must not leave the thread's writer mid-object for the next one.
            _threadWriter = null;
            throw;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case long l: writer.WriteNumberValue(l); break;
            case int i: writer.WriteNumberValue(i); break;
            case double d: writer.WriteNumberValue(d); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case DateTimeOffset t: writer.WriteStringValue(t); break;
            case System.Collections.IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }
}
