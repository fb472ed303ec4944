using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using Soc.Detection.Events;

namespace Soc.Console.Ingest;

/// <summary>
/// Reads an ingest body: JSON lines (gzip when Content-Encoding says so), one collector record per line
/// (docs/specs/wire.md). A line that is not a record makes the whole batch malformed: the collector
/// must hear it (400 with the line number) rather than lose the line silently. Size limits give 413.
/// </summary>
public static class IngestDecoder
{
    public static async Task<DecodedBatch> DecodeAsync(Stream body, bool gzip, IngestOptions limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(limits);
        // The body is read into a pooled buffer (given back once its records are strings): a batch is
        // hundreds of KiB, and a MemoryStream doubling up to that size put ~1 KB of large-object garbage
        // per record on the heap.
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var length = 0;
            try
            {
                var source = gzip ? new GZipStream(body, CompressionMode.Decompress, leaveOpen: true) : body;
                await using (source.ConfigureAwait(false))
                {
                    int read;
                    while ((read = await source.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        length += read;
                        if (length > limits.MaxBatchBytes)
                        {
                            return DecodedBatch.TooLarge($"batch larger than {limits.MaxBatchBytes} bytes uncompressed");
                        }

                        if (length == buffer.Length)
                        {
                            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                            buffer.AsSpan(0, length).CopyTo(larger);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }
                    }
                }
            }
            catch (InvalidDataException ex)
            {
                return DecodedBatch.Malformed("body is not valid gzip: " + ex.Message);
            }

            return Split(buffer.AsSpan(0, length), limits);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static DecodedBatch Split(ReadOnlySpan<byte> text, IngestOptions limits)
    {
        var records = new List<RawRecord>();
        var lineNumber = 0;
        while (!text.IsEmpty)
        {
            lineNumber++;
            var end = text.IndexOf((byte)'\n');
            var line = end < 0 ? text : text[..end];
            text = end < 0 ? default : text[(end + 1)..];
            if (line.Trim((byte)'\r').IsEmpty)
            {
                continue;
            }

            if (line.Length > limits.MaxRecordBytes)
            {
                return DecodedBatch.TooLarge($"line {lineNumber}: record larger than {limits.MaxRecordBytes} bytes");
            }

            if (records.Count == limits.MaxRecordsPerBatch)
            {
                return DecodedBatch.TooLarge($"batch has more than {limits.MaxRecordsPerBatch} records");
            }

            var (record, error) = ReadRecord(line);
            if (record is null)
            {
                return DecodedBatch.Malformed($"line {lineNumber}: {error}");
            }

            records.Add(record);
        }

        return new DecodedBatch(records, null, false);
    }

    private static (RawRecord? Record, string? Error) ReadRecord(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            using var doc = JsonDocument.ParseValue(ref reader);
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
