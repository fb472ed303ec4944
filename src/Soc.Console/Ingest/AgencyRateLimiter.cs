using System.Collections.Concurrent;

namespace Soc.Console.Ingest;

/// <summary>
/// A token bucket per agency, in records: refills at <see cref="IngestOptions.RecordsPerSecondPerAgency"/>
/// up to the burst size. A batch that does not fit is refused whole, with the seconds until it would.
/// Per node: N center nodes allow N times the rate, which is what the province pays the nodes for.
/// </summary>
public sealed class AgencyRateLimiter(IngestOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes <paramref name="records"/> tokens, or returns how long to wait before the batch would fit.</summary>
    public bool TryTake(string agencyId, int records, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        var rate = options.RecordsPerSecondPerAgency;
        if (rate <= 0)
        {
            return true;
        }

        var burst = Math.Max(options.BurstRecordsPerAgency, rate);
        var bucket = _buckets.GetOrAdd(agencyId, _ => new Bucket(burst, time.GetTimestamp()));
        lock (bucket)
        {
            var now = time.GetTimestamp();
            var elapsed = time.GetElapsedTime(bucket.Stamp, now).TotalSeconds;
            bucket.Tokens = Math.Min(burst, bucket.Tokens + (elapsed * rate));
            bucket.Stamp = now;
            // A batch larger than the burst could never fit; let it through when the bucket is full.
            var need = Math.Min(records, burst);
            if (bucket.Tokens >= need)
            {
                bucket.Tokens -= records;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds(Math.Ceiling((need - bucket.Tokens) / rate));
            return false;
        }
    }

    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens { get; set; } = tokens;

        public long Stamp { get; set; } = stamp;
    }
}
