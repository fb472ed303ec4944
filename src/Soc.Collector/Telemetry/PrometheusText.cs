using System.Globalization;
using System.Text;
using Soc.Collector.Buffering;

namespace Soc.Collector.Telemetry;

/// <summary>Renders the collector's counters in the Prometheus text exposition format (version 0.0.4).</summary>
public static class PrometheusText
{
    public static string Render(CollectorMetrics metrics, DiskQueue queue, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(queue);
        var text = new StringBuilder();
        Family(text, "soc_collector_input_records_total", "counter", "Records durably queued, per input.");
        foreach (var input in metrics.Inputs)
        {
            Sample(text, "soc_collector_input_records_total", input.Records, input.Name);
        }

        Family(text, "soc_collector_input_bytes_total", "counter", "UTF-8 message bytes queued, per input.");
        foreach (var input in metrics.Inputs)
        {
            Sample(text, "soc_collector_input_bytes_total", input.Bytes, input.Name);
        }

        Family(text, "soc_collector_input_dropped_total", "counter", "Records an input dropped (queue full for UDP, ...).");
        foreach (var input in metrics.Inputs)
        {
            Sample(text, "soc_collector_input_dropped_total", input.Dropped, input.Name);
        }

        var shipping = metrics.Shipping;
        var last = shipping.LastSuccessUnixMilliseconds;
        var depth = queue.Depth;
        Gauge(text, "soc_collector_queue_depth_records", "Records queued and not yet acknowledged by the center.", depth);
        Gauge(text, "soc_collector_queue_disk_bytes", "Bytes of queue segment files on disk.", queue.DiskBytes);
        Counter(text, "soc_collector_queue_overflow_total", "Appends refused because the queue was full.", queue.RejectedWhenFull);
        Gauge(text, "soc_collector_queue_recovered_damaged_bytes", "Damaged bytes cut from segment tails at the last start.", queue.Recovery.DamagedBytes);
        Counter(text, "soc_collector_shipped_batches_total", "Batches the center acknowledged as stored.", shipping.BatchesAcknowledged);
        Counter(text, "soc_collector_acknowledged_records_total", "Records the center acknowledged as stored.", shipping.RecordsAcknowledged);
        Counter(text, "soc_collector_duplicate_records_total", "Acknowledged records the center already had (re-sent).", shipping.RecordsDuplicate);
        Counter(text, "soc_collector_sent_bytes_total", "Compressed request bytes sent, retries included.", shipping.BytesSent);
        Counter(text, "soc_collector_retries_total", "Failed shipping attempts that were retried.", shipping.Retries);
        Counter(text, "soc_collector_dead_lettered_records_total", "Records refused as malformed (400) and written to dead-letter/.", shipping.DeadLetteredRecords);
        Gauge(text, "soc_collector_last_success_timestamp_seconds", "Unix time of the last acknowledged batch (0: none yet).", last / 1000);
        var lag = depth == 0 || last == 0 ? 0 : Math.Max(0, (now.ToUnixTimeMilliseconds() - last) / 1000);
        Gauge(text, "soc_collector_lag_seconds", "Seconds since the last acknowledged batch while records wait (0 when the queue is empty).", lag);
        return text.ToString();
    }

    private static void Family(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Sample(StringBuilder text, string name, long value, string input) =>
        text.Append(name).Append("{input=\"").Append(input.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal))
            .Append("\"} ").Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Gauge(StringBuilder text, string name, string help, long value)
    {
        Family(text, name, "gauge", help);
        text.Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private static void Counter(StringBuilder text, string name, string help, long value)
    {
        Family(text, name, "counter", help);
        text.Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }
}
