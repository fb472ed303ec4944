namespace Soc.Console.Storage;

/// <summary>Everything the dashboard draws from the event store, read in one go within the user's agency scope.</summary>
public sealed record DashboardData(
    IReadOnlyList<(DateTimeOffset Bucket, long Count)> AlertsPerHour,
    IReadOnlyList<(DateTimeOffset Bucket, long Count)> IncidentsPerDay,
    IReadOnlyList<(string Name, long Count)> TopRules,
    IReadOnlyList<(string Name, long Count)> TopAgencies,
    IReadOnlyList<(string Name, long Count)> TopSourceIps,
    TimeSpan? MeanTimeToAcknowledge,
    TimeSpan? MeanTimeToResolve,
    int OpenIncidents,
    IReadOnlyList<AgencyFeed> Feeds);
