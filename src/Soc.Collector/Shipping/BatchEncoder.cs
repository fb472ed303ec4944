using System.IO.Compression;

namespace Soc.Collector.Shipping;

/// <summary>The ingest body: queued JSON payloads as newline-terminated lines, gzip-compressed (docs/specs/wire.md).</summary>
public static class BatchEncoder
{
    public static byte[] Encode(IReadOnlyList<byte[]> payloads, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var i = start; i < start + count; i++)
            {
                gzip.Write(payloads[i]);
                gzip.WriteByte((byte)'\n');
            }
        }

        return buffer.ToArray();
    }
}
