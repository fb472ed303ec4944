namespace Soc.Console.Exports.Model;

/// <summary>One collector's contribution in the period: silence is as important to report as incidents.</summary>
public sealed record CollectorCoverage(string AgencyName, string CollectorId, DateTimeOffset? LastSeenAt, long EventCount);
