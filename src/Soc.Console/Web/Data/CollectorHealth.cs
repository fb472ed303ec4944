namespace Soc.Console.Web.Data;

/// <summary>
/// One agency's feed on the dashboard: what the event store holds (newest event, events in 24 h), what its
/// collectors last reported in their heartbeats (how many, newest heartbeat, how many are silent, their
/// drops and queue backlog) and the batches this center refused from it since it started.
/// </summary>
public sealed record CollectorHealth(
    string AgencyId,
    string AgencyName,
    DateTimeOffset? LastEvent,
    long Events24h,
    int Collectors,
    int SilentCollectors,
    DateTimeOffset? LastHeartbeat,
    long CollectorDropped,
    long Truncated,
    long CenterRefused,
    long QueueDepth,
    long OldestUnsentSeconds);
