using System.Globalization;
using System.Text;

namespace Soc.Console.Pipeline;

/// <summary>
/// Per-stage counters, published on <c>/metrics</c> in the Prometheus text format. Stages count per batch
/// (one Interlocked add per batch, never per event).
/// </summary>
public sealed class PipelineMetrics
{
    private long _batchesReceived;
    private long _recordsReceived;
    private long _rejectedTooLarge;
    private long _rejectedRate;
    private long _rejectedBusy;
    private long _rejectedMalformed;
    private long _normalised;
    private long _parseFailures;
    private long _detected;
    private long _alerts;
    private long _detectErrors;
    private long _stored;
    private long _duplicates;
    private long _commits;
    private long _storeErrors;
    private long _storeMillis;
    private long _normaliseMillis;
    private long _detectMillis;

    public Func<(int Normalise, int Detect, int Store)>? QueueDepths { get; set; }

    public void Received(int records)
    {
        Interlocked.Increment(ref _batchesReceived);
        Interlocked.Add(ref _recordsReceived, records);
    }

    public void RejectedTooLarge() => Interlocked.Increment(ref _rejectedTooLarge);

    public void RejectedRate() => Interlocked.Increment(ref _rejectedRate);

    public void RejectedBusy() => Interlocked.Increment(ref _rejectedBusy);

    public void RejectedMalformed() => Interlocked.Increment(ref _rejectedMalformed);

    public void Normalised(int events, int parseFailures, long millis)
    {
        Interlocked.Add(ref _normaliseMillis, millis);
        Interlocked.Add(ref _normalised, events);
        Interlocked.Add(ref _parseFailures, parseFailures);
    }

    public void Detected(int events, int alerts, int errors, long millis)
    {
        Interlocked.Add(ref _detectMillis, millis);
        Interlocked.Add(ref _detected, events);
        Interlocked.Add(ref _alerts, alerts);
        Interlocked.Add(ref _detectErrors, errors);
    }

    public void Committed(int stored, int duplicates, long millis)
    {
        Interlocked.Add(ref _stored, stored);
        Interlocked.Add(ref _duplicates, duplicates);
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _storeMillis, millis);
    }

    public void StoreFailed() => Interlocked.Increment(ref _storeErrors);

    public long StoredEvents => Interlocked.Read(ref _stored);

    public string ToPrometheus()
    {
        var sb = new StringBuilder();
        void Counter(string name, string help, long value, string? labels = null)
        {
            sb.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
            sb.Append("# TYPE ").Append(name).Append(" counter\n");
            sb.Append(name).Append(labels ?? "").Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        Counter("soc_ingest_batches_total", "Ingest batches accepted for processing.", Interlocked.Read(ref _batchesReceived));
        Counter("soc_ingest_records_total", "Records in accepted batches.", Interlocked.Read(ref _recordsReceived));
        sb.Append("# HELP soc_ingest_rejected_total Ingest requests refused, by reason.\n# TYPE soc_ingest_rejected_total counter\n");
        sb.Append(CultureInfo.InvariantCulture, $"soc_ingest_rejected_total{{reason=\"too_large\"}} {Interlocked.Read(ref _rejectedTooLarge)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"soc_ingest_rejected_total{{reason=\"rate\"}} {Interlocked.Read(ref _rejectedRate)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"soc_ingest_rejected_total{{reason=\"busy\"}} {Interlocked.Read(ref _rejectedBusy)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"soc_ingest_rejected_total{{reason=\"malformed\"}} {Interlocked.Read(ref _rejectedMalformed)}\n");
        Counter("soc_normalise_events_total", "Events out of the normalise stage.", Interlocked.Read(ref _normalised));
        Counter("soc_normalise_parse_failures_total", "Records no parser read (stored with the _parse_failure tag).", Interlocked.Read(ref _parseFailures));
        Counter("soc_normalise_milliseconds_total", "Time spent normalising batches.", Interlocked.Read(ref _normaliseMillis));
        Counter("soc_detect_events_total", "Events evaluated by the detection engine.", Interlocked.Read(ref _detected));
        Counter("soc_detect_alerts_total", "Alerts raised.", Interlocked.Read(ref _alerts));
        Counter("soc_detect_errors_total", "Events on which the engine threw (stored without alerts).", Interlocked.Read(ref _detectErrors));
        Counter("soc_detect_milliseconds_total", "Time spent evaluating rules.", Interlocked.Read(ref _detectMillis));
        Counter("soc_store_events_total", "Events newly stored.", Interlocked.Read(ref _stored));
        Counter("soc_store_duplicates_total", "Events already stored (re-sent records).", Interlocked.Read(ref _duplicates));
        Counter("soc_store_commits_total", "Store commits (each may hold several batches).", Interlocked.Read(ref _commits));
        Counter("soc_store_errors_total", "Store commits that failed (their batches were answered with an error).", Interlocked.Read(ref _storeErrors));
        Counter("soc_store_commit_milliseconds_total", "Time spent in store commits.", Interlocked.Read(ref _storeMillis));
        if (QueueDepths is { } depths)
        {
            var (n, d, s) = depths();
            sb.Append("# HELP soc_pipeline_queue_batches Batches waiting before each stage.\n# TYPE soc_pipeline_queue_batches gauge\n");
            sb.Append(CultureInfo.InvariantCulture, $"soc_pipeline_queue_batches{{stage=\"normalise\"}} {n}\n");
            sb.Append(CultureInfo.InvariantCulture, $"soc_pipeline_queue_batches{{stage=\"detect\"}} {d}\n");
            sb.Append(CultureInfo.InvariantCulture, $"soc_pipeline_queue_batches{{stage=\"store\"}} {s}\n");
        }

        return sb.ToString();
    }
}
