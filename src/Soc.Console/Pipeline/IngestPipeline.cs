using System.Diagnostics;
using System.Threading.Channels;
using Soc.Console.Incidents;
using Soc.Console.Storage;
using Soc.Detection.Engine;
using Soc.Detection.Events;
using Soc.Detection.Parsing;

namespace Soc.Console.Pipeline;

/// <summary>
/// The center's data path: decode (in the HTTP handler) → normalise → detect → store, joined by bounded
/// channels. The first channel's room is the back-pressure signal: when it is full, ingest is answered
/// 503 + Retry-After instead of growing memory. The store stage drains several batches into one
/// transaction (group commit) and completes each batch's task only after the commit, so an answer
/// means durable. Detection runs before storage, so an alert is queryable as soon as the collector has its answer.
/// </summary>
public sealed class IngestPipeline : BackgroundService
{
    private readonly Channel<IngestWork> _toNormalise;
    private readonly Channel<IngestWork> _toDetect;
    private readonly Channel<IngestWork> _toStore;
    private readonly ISocStore _store;
    private readonly RuleSetHolder _rules;
    private readonly RuleSwitches _switches;
    private readonly EventNormalizer _normalizer;
    private readonly IncidentPolicy _policy;
    private readonly PipelineOptions _options;
    private readonly PipelineMetrics _metrics;
    private readonly ILogger<IngestPipeline> _logger;

    public IngestPipeline(ISocStore store, RuleSetHolder rules, RuleSwitches switches, EventNormalizer normalizer, IncidentPolicy policy, PipelineOptions options, PipelineMetrics metrics, ILogger<IngestPipeline> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        _store = store;
        _rules = rules;
        _switches = switches;
        _normalizer = normalizer;
        _policy = policy;
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _toNormalise = Bounded(options.QueueBatches, singleReader: true);
        _toDetect = Bounded(options.QueueBatches, singleReader: true);
        _toStore = Bounded(options.QueueBatches, singleReader: true);
        metrics.QueueDepths = () => (_toNormalise.Reader.Count, _toDetect.Reader.Count, _toStore.Reader.Count);
    }

    /// <summary>
    /// Queues a batch, waiting at most <see cref="PipelineOptions.EnqueueWaitMilliseconds"/> for room;
    /// null when the pipeline is full (the caller answers 503 + Retry-After). The task completes after the commit.
    /// </summary>
    public async Task<Task<IngestResult>?> TrySubmitAsync(string agencyId, IReadOnlyList<RawRecord> records, CancellationToken cancellationToken)
    {
        var work = new IngestWork(agencyId, records);
        if (_toNormalise.Writer.TryWrite(work))
        {
            return work.Done.Task;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(_options.EnqueueWaitMilliseconds);
        try
        {
            await _toNormalise.Writer.WriteAsync(work, wait.Token).ConfigureAwait(false);
            return work.Done.Task;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Queues a batch, waiting as long as it takes for room, and returns after its commit (the demo feeder, tests).</summary>
    public async Task<IngestResult> ProcessAsync(string agencyId, IReadOnlyList<RawRecord> records, CancellationToken cancellationToken)
    {
        var work = new IngestWork(agencyId, records);
        await _toNormalise.Writer.WriteAsync(work, cancellationToken).ConfigureAwait(false);
        return await work.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Task[] stages =
        [
            Task.Run(() => NormaliseAsync(stoppingToken), stoppingToken),
            Task.Run(() => DetectAsync(stoppingToken), stoppingToken),
            Task.Run(() => StoreAsync(stoppingToken), stoppingToken),
        ];

        // A stage that ends takes the host down with its exception: a stopped center is seen and
        // restarted, a center with a dead stage would hang every ingest request.
        await (await Task.WhenAny(stages).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private async Task NormaliseAsync(CancellationToken cancellationToken)
    {
        await foreach (var work in _toNormalise.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var failures = 0;
            var clock = Stopwatch.StartNew();
            try
            {
                foreach (var record in work.Records)
                {
                    var ev = _normalizer.Normalize(record);
                    // The agency comes from the key, never from the payload.
                    ev.Set(EcsFields.OrganizationId, work.AgencyId);
                    if (ev[EcsFields.Tags] is IEnumerable<string> tags && tags.Contains(EcsFields.ParseFailureTag))
                    {
                        failures++;
                    }

                    work.Events.Add(ev);
                }

                // The records of one auditd event become one event. From here on (detect, store, the answer's
                // counts) a joined event counts once; parse failures were counted per record above.
                AuditJoining.Join(work.Events);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The normaliser promises not to throw; if it does, this batch fails (503, sent again) and the stage lives on.
                _logger.LogError(ex, "Normalising a batch of {Agency} failed", work.AgencyId);
                work.Done.TrySetException(ex);
                continue;
            }

            _metrics.Normalised(work.Events.Count, failures, clock.ElapsedMilliseconds);
            await _toDetect.Writer.WriteAsync(work, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DetectAsync(CancellationToken cancellationToken)
    {
        // One reader: the engine keeps correlation state and is evaluated from one thread at a time.
        await foreach (var work in _toDetect.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var engine = _rules.Engine;
            var alertCount = 0;
            var errors = 0;
            var clock = Stopwatch.StartNew();
            foreach (var ev in work.Events)
            {
                var alerts = new List<Alert>(0);
                try
                {
                    engine.Evaluate(ev, alerts);
                    // The Rules page's switches and suppressions: one dictionary lookup per alert.
                    _switches.Filter(ev, alerts);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A rule that throws on one event must not stop detection for everyone, nor lose the
                    // event: it is stored without alerts, counted, and logged once per batch.
                    if (errors++ == 0)
                    {
                        _logger.LogError(ex, "Detection failed on event {EventId}", ev.GetString(EcsFields.EventId));
                    }
                }

                alertCount += alerts.Count;
                work.Processed.Add(new ProcessedEvent(ev, alerts));
            }

            _metrics.Detected(work.Events.Count, alertCount, errors, clock.ElapsedMilliseconds);
            Prepare(work);
            await _toStore.Writer.WriteAsync(work, cancellationToken).ConfigureAwait(false);
        }
    }

    // The store's encoding of the batch is made here, while the single writer commits earlier batches.
    private void Prepare(IngestWork work)
    {
        var batch = new EventBatch(work.AgencyId, work.Processed);
        try
        {
            batch = batch with { Prepared = _store.Prepare(batch) };
        }
        catch (InvalidOperationException)
        {
            // Left to the commit, which meets the same problem again and fails only this group's batches, logged.
        }

        work.Batch = batch;
    }

    private async Task StoreAsync(CancellationToken cancellationToken)
    {
        // One group at a time: everything that arrived during a commit joins the next one. (Two groups in
        // flight were measured: smaller groups, more commits and FTS segments, a longer alert p99, and no
        // throughput gain — bench/RESULTS.md.)
        while (await _toStore.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var group = new List<IngestWork>();
            var events = 0;
            while (events < _options.MaxEventsPerCommit && _toStore.Reader.TryRead(out var work))
            {
                group.Add(work);
                events += work.Processed.Count;
            }

            await CommitAsync(group, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CommitAsync(List<IngestWork> group, CancellationToken cancellationToken)
    {
        var batches = new List<EventBatch>(group.Count);
        foreach (var work in group)
        {
            batches.Add(work.Batch ?? new EventBatch(work.AgencyId, work.Processed));
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var results = await _store.AppendAsync(batches, _policy, cancellationToken).ConfigureAwait(false);
            int stored = 0, duplicates = 0;
            for (var i = 0; i < group.Count; i++)
            {
                stored += results[i].Stored;
                duplicates += results[i].Duplicates;
                group[i].Done.TrySetResult(results[i]);
            }

            _metrics.Committed(stored, duplicates, clock.ElapsedMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing of these batches is acknowledged; their collectors keep them and send again.
            _metrics.StoreFailed();
            _logger.LogError(ex, "Storing {Batches} batches failed", group.Count);
            foreach (var work in group)
            {
                work.Done.TrySetException(ex);
            }
        }
    }

    private static Channel<IngestWork> Bounded(int capacity, bool singleReader) =>
        Channel.CreateBounded<IngestWork>(new BoundedChannelOptions(Math.Max(1, capacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = singleReader,
        });
}
