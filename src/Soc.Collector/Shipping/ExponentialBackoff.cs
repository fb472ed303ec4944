namespace Soc.Collector.Shipping;

/// <summary>
/// Delays between retries: doubling from <paramref name="min"/> up to <paramref name="max"/>, each one drawn
/// from the upper half of its range ("equal jitter") so a province of collectors does not retry in lock step
/// after the center comes back.
/// </summary>
public sealed class ExponentialBackoff(TimeSpan min, TimeSpan max, Random random)
{
    private int _attempt;

    public TimeSpan Next()
    {
        var ceiling = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * Math.Pow(2, Math.Min(_attempt, 30)));
        _attempt++;
        var half = ceiling / 2;
        return TimeSpan.FromMilliseconds(half + (random.NextDouble() * half));
    }

    public void Reset() => _attempt = 0;
}
