using System.Globalization;
using Soc.Collector.Telemetry;

namespace Soc.Collector.Shipping;

/// <summary>
/// Where batches the center refuses as malformed (400) go instead of being retried forever: one JSON-lines
/// file per refusal in the data folder, so nothing is silently lost and an operator can inspect or re-send it.
/// </summary>
public sealed class DeadLetterWriter(string directory, TimeProvider time)
{
    public string Write(IReadOnlyList<byte[]> payloads, int start, int count, long firstSequence, string reason)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        Directory.CreateDirectory(directory);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var path = Path.Combine(directory, $"{stamp}-{firstSequence}-{count}.ndjson");
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write))
        {
            for (var i = start; i < start + count; i++)
            {
                file.Write(payloads[i]);
                file.WriteByte((byte)'\n');
            }

            file.Flush(flushToDisk: true);
        }

        CollectorLog.Error($"center refused {count} records as malformed ({reason}); written to {path} instead of retrying");
        return path;
    }
}
