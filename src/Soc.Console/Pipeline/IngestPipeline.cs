using Soc.Console.Hosting;
using Soc.Console.Storage.Sqlite;
using Soc.Detection.Engine;
using Soc.Detection.Events;
using Soc.Detection.Parsing;

namespace Soc.Console.Pipeline;

/// <summary>
/// The center's data path for one batch: normalise each record to an ECS event, evaluate the rules
/// on it, then store events, alerts and incidents in one transaction. Detection runs before storage, so
/// an alert is queryable as soon as the collector has its answer.
/// </summary>
public sealed class IngestPipeline(SqliteStore store, RuleSetHolder rules, EventNormalizer normalizer, CenterOptions options)
{
    // The engine keeps correlation state and is evaluated from one thread at a time.
    private readonly Lock _detectLock = new();

    public async Task<IngestResult> ProcessAsync(string agencyId, IReadOnlyList<RawRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var processed = new List<ProcessedEvent>(records.Count);
        lock (_detectLock)
        {
            var engine = rules.Engine;
            foreach (var record in records)
            {
                var ev = normalizer.Normalize(record);
                ev.Set(EcsFields.OrganizationId, agencyId);
                var alerts = new List<Alert>();
                engine.Evaluate(ev, alerts);
                processed.Add(new ProcessedEvent(ev, alerts));
            }
        }

        return await store.StoreBatchAsync(agencyId, processed, TimeSpan.FromHours(options.IncidentLookbackHours), cancellationToken).ConfigureAwait(false);
    }
}
