using System.IO.Compression;
using System.Text.Json;
using Soc.Detection.Events;

namespace Soc.Console.Ingest;

/// <summary>
/// Reads an ingest body: JSON lines (gzip when Content-Encoding says so), one collector record per line
/// (docs/specs/wire.md). A line that is not a record makes the whole batch malformed: the collector
/// must hear it (400 with the line number) rather than lose the line silently.
/// </summary>
public static class IngestDecoder
{
    public static async Task<(List<RawRecord>? Records, string? Error)> DecodeAsync(Stream body, bool gzip, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        try
        {
            var source = gzip ? new GZipStream(body, CompressionMode.Decompress, leaveOpen: true) : body;
            await using (source.ConfigureAwait(false))
            {
                var chunk = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    if (buffer.Length > maxBytes)
                    {
                        return (null, $"batch larger than {maxBytes} bytes uncompressed");
                    }
                }
            }
        }
        catch (InvalidDataException ex)
        {
            return (null, "body is not valid gzip: " + ex.Message);
        }

        var records = new List<RawRecord>();
        var text = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var lineNumber = 0;
        while (!text.IsEmpty)
        {
            lineNumber++;
            var end = text.Span.IndexOf((byte)'\n');
            var line = end < 0 ? text : text[..end];
            text = end < 0 ? default : text[(end + 1)..];
            if (line.Span.Trim((byte)'\r').IsEmpty)
            {
                continue;
            }

            var (record, error) = ReadRecord(line.Span);
            if (record is null)
            {
                return (null, $"line {lineNumber}: {error}");
            }

            records.Add(record);
        }

        return (records, null);
    }

    private static (RawRecord? Record, string? Error) ReadRecord(ReadOnlySpan<byte> line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line.ToArray());
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "a record must be a JSON object");
            }

            string? Str(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            var id = Str("id");
            var message = Str("message");
            if (string.IsNullOrEmpty(id) || message is null)
            {
                return (null, "a record needs string fields 'id' and 'message'");
            }

            var received = root.TryGetProperty("received", out var r) && r.ValueKind == JsonValueKind.String && r.TryGetDateTimeOffset(out var t)
                ? t
                : DateTimeOffset.UtcNow;
            return (new RawRecord(
                id,
                Str("type") ?? "unknown",
                Str("host") ?? "",
                Str("source") ?? "",
                received,
                Str("tz") ?? RawRecord.DefaultTimeZone,
                message,
                Str("peer")), null);
        }
        catch (JsonException ex)
        {
            return (null, "not JSON: " + ex.Message);
        }
    }
}
