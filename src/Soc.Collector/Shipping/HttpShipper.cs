using Soc.Collector.Buffering;
using Soc.Collector.Configuration;
using Soc.Collector.Telemetry;

namespace Soc.Collector.Shipping;

/// <summary>
/// Reads batches from the disk queue, ships them to the center and acknowledges each batch only after the
/// center answered that it stored it. Holds one batch in memory at most; everything else waits on disk, so
/// memory stays flat however long the center is away.
/// </summary>
public sealed partial class HttpShipper(
    DiskQueue queue,
    CenterOptions options,
    HttpClient http,
    DeadLetterWriter deadLetters,
    ShippingCounters counters,
    TimeProvider time,
    Random random) : IDisposable
{
    private readonly ExponentialBackoff _backoff = new(
        TimeSpan.FromMilliseconds(options.MinBackoffMilliseconds), TimeSpan.FromSeconds(options.MaxBackoffSeconds), random);

    private readonly TokenBucket? _bandwidth = options.BandwidthBytesPerSecond > 0 ? new TokenBucket(options.BandwidthBytesPerSecond, time) : null;
    // The one request body buffer: reused for every batch (and for the halves of a 413 split, which are sent one after the other).
    private readonly MemoryStream _body = new();
    private readonly RateLimitedLog _failureLog = new(TimeSpan.FromSeconds(30), time);
    private int _endpoint;

    public void Dispose() => _body.Dispose();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await queue.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
                if (queue.UnreadCount < options.MaxBatchRecords && options.FlushIntervalMilliseconds > 0)
                {
                    // A partial batch waits one flush interval for company, so a trickle is not shipped line by line.
                    await Task.Delay(TimeSpan.FromMilliseconds(options.FlushIntervalMilliseconds), time, cancellationToken).ConfigureAwait(false);
                }

                var batch = queue.TryReadBatch(options.MaxBatchRecords, options.MaxBatchBytes);
                if (batch is null)
                {
                    continue;
                }

                await SendRangeAsync(batch, 0, batch.Payloads.Count, cancellationToken).ConfigureAwait(false);
                queue.Acknowledge(batch.LastSequence);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: the unacknowledged batch is still in the queue and is re-sent after restart.
                return;
            }
        }
    }
}
