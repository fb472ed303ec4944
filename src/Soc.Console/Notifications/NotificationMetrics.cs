using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Soc.Console.Notifications;

/// <summary>Deliveries and failed sends per channel, on <c>/metrics</c>; a failure is one notice that one scan could not deliver.</summary>
public sealed class NotificationMetrics
{
    private readonly ConcurrentDictionary<string, long[]> _counts = new(StringComparer.Ordinal);

    public void Sent(string channel) => Interlocked.Increment(ref Counts(channel)[0]);

    public void Failed(string channel) => Interlocked.Increment(ref Counts(channel)[1]);

    public long SentCount(string channel) => _counts.TryGetValue(channel, out var c) ? Interlocked.Read(ref c[0]) : 0;

    public long FailedCount(string channel) => _counts.TryGetValue(channel, out var c) ? Interlocked.Read(ref c[1]) : 0;

    public string ToPrometheus()
    {
        var sb = new StringBuilder();
        sb.Append("# HELP soc_notifications_sent_total Deadline notifications delivered, per channel.\n# TYPE soc_notifications_sent_total counter\n");
        foreach (var (channel, c) in _counts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"soc_notifications_sent_total{{channel=\"{channel}\"}} {Interlocked.Read(ref c[0])}\n");
        }

        sb.Append("# HELP soc_notifications_failed_total Deadline notifications a scan could not deliver (tried again on the next scan), per channel.\n# TYPE soc_notifications_failed_total counter\n");
        foreach (var (channel, c) in _counts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"soc_notifications_failed_total{{channel=\"{channel}\"}} {Interlocked.Read(ref c[1])}\n");
        }

        return sb.ToString();
    }

    private long[] Counts(string channel) => _counts.GetOrAdd(channel, _ => new long[2]);
}
