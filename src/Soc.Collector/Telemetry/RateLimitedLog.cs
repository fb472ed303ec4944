namespace Soc.Collector.Telemetry;

/// <summary>
/// A warning that may fire per record (queue full, UDP overflow): logs at most once per interval and says how
/// many occurrences were folded into the line, so a flood does not become a second flood in the journal.
/// </summary>
public sealed class RateLimitedLog(TimeSpan interval, TimeProvider time)
{
    private long _suppressed;
    private long _nextAllowedTicks;

    public void Warning(string message)
    {
        var now = time.GetTimestamp();
        var next = Interlocked.Read(ref _nextAllowedTicks);
        if (now < next || Interlocked.CompareExchange(ref _nextAllowedTicks, now + (long)(interval.TotalSeconds * time.TimestampFrequency), next) != next)
        {
            Interlocked.Increment(ref _suppressed);
            return;
        }

        var folded = Interlocked.Exchange(ref _suppressed, 0);
        CollectorLog.Warning(folded == 0 ? message : $"{message} ({folded} more since the last line)");
    }
}
