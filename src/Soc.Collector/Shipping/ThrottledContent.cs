using System.Net;

namespace Soc.Collector.Shipping;

/// <summary>A request body written in small chunks through a <see cref="TokenBucket"/> (or at full speed without one).</summary>
public sealed class ThrottledContent(ReadOnlyMemory<byte> body, TokenBucket? bucket) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (bucket is null)
        {
            await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
            return;
        }

        // About 8 chunks a second keeps the link evenly used; 16 KiB is plenty for fast links.
        var chunk = (int)Math.Clamp(bucket.BytesPerSecond / 8, 512, 16 * 1024);
        for (var offset = 0; offset < body.Length; offset += chunk)
        {
            var length = Math.Min(chunk, body.Length - offset);
            await bucket.TakeAsync(length, cancellationToken).ConfigureAwait(false);
            await stream.WriteAsync(body.Slice(offset, length), cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return true;
    }
}
