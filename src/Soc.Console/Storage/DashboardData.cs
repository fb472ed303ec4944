namespace Soc.Console.Web.Data;

/// <summary>Everything the dashboard draws, read in one go within the user's agency scope.</summary>
public sealed record DashboardData(
    IReadOnlyList<(DateTimeOffset Bucket, long Count)> AlertsPerHour,
    IReadOnlyList<(DateTimeOffset Bucket, long Count)> IncidentsPerDay,
    IReadOnlyList<(string Name, long Count)> TopRules,
    IReadOnlyList<(string Name, long Count)> TopAgencies,
    IReadOnlyList<(string Name, long Count)> TopSourceIps,
    TimeSpan? MeanTimeToAcknowledge,
    TimeSpan? MeanTimeToResolve,
    int OpenIncidents,
    IReadOnlyList<CollectorHealth> Collectors);
