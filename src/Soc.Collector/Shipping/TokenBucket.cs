namespace Soc.Collector.Shipping;

/// <summary>
/// Bandwidth cap in bytes per second. Takers may drive the balance negative (a reservation) and then wait
/// until the refill covers it, which keeps the long-run rate exact whatever the chunk size. Burst is a quarter
/// second of traffic, so a slow link is never flooded for long.
/// </summary>
public sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly long _bytesPerSecond;
    private readonly double _capacity;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _lastRefill;

    public TokenBucket(long bytesPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytesPerSecond, 1);
        ArgumentNullException.ThrowIfNull(time);
        _bytesPerSecond = bytesPerSecond;
        _capacity = Math.Max(bytesPerSecond / 4.0, 1024);
        _time = time;
        _tokens = _capacity;
        _lastRefill = time.GetTimestamp();
    }

    public long BytesPerSecond => _bytesPerSecond;

    public Task TakeAsync(int bytes, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(_capacity, _tokens + (_time.GetElapsedTime(_lastRefill, now).TotalSeconds * _bytesPerSecond));
            _lastRefill = now;
            _tokens -= bytes;
            if (_tokens >= 0)
            {
                return Task.CompletedTask;
            }

            wait = TimeSpan.FromSeconds(-_tokens / _bytesPerSecond);
        }

        return Task.Delay(wait, _time, cancellationToken);
    }
}
