using System.Collections.Concurrent;

namespace Soc.Console.Ingest;

/// <summary>
/// Batches this center process refused at ingest, per agency and reason, since it started: 413 too
/// large, 429 over the agency's rate, 400 malformed. Kept in memory (a refusal storm must not add writes
/// to the store it is protecting); the dashboard shows them beside the collectors' own drop counts. A
/// 429 batch is sent again by the collector, so it counts refusals, not lost records.
/// </summary>
public sealed class IngestRefusals
{
    private readonly ConcurrentDictionary<string, Counts> _agencies = new(StringComparer.Ordinal);

    public void TooLarge(string agencyId) => Interlocked.Increment(ref For(agencyId).TooLargeBatches);

    public void OverRate(string agencyId) => Interlocked.Increment(ref For(agencyId).OverRateBatches);

    public void Malformed(string agencyId) => Interlocked.Increment(ref For(agencyId).MalformedBatches);

    /// <summary>(too large, over rate, malformed) batches refused for the agency; zeros when none.</summary>
    public (long TooLarge, long OverRate, long Malformed) Of(string agencyId) =>
        _agencies.TryGetValue(agencyId, out var c)
            ? (Interlocked.Read(ref c.TooLargeBatches), Interlocked.Read(ref c.OverRateBatches), Interlocked.Read(ref c.MalformedBatches))
            : (0, 0, 0);

    private Counts For(string agencyId) => _agencies.GetOrAdd(agencyId, static _ => new Counts());

    private sealed class Counts
    {
        public long TooLargeBatches;
        public long OverRateBatches;
        public long MalformedBatches;
    }
}
