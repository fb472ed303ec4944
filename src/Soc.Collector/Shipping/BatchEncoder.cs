using System.IO.Compression;

namespace Soc.Collector.Shipping;

/// <summary>The ingest body: queued JSON payloads as newline-terminated lines, gzip-compressed (docs/specs/wire.md).</summary>
public static class BatchEncoder
{
    /// <summary>Encodes into <paramref name="buffer"/> (reset first, reused across batches to keep the heap flat).</summary>
    public static ReadOnlyMemory<byte> Encode(IReadOnlyList<byte[]> payloads, int start, int count, MemoryStream buffer)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.SetLength(0);
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var i = start; i < start + count; i++)
            {
                gzip.Write(payloads[i]);
                gzip.WriteByte((byte)'\n');
            }
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
