namespace Soc.Console.Storage;

/// <summary>
/// Alerts of one rule about one entity (host, source address or user) within the look-back, grouped for
/// triage. <see cref="Version"/> grows with every change; updates name the version they saw (optimistic concurrency).
/// </summary>
public sealed record Incident(
    long Id,
    string AgencyId,
    string RuleId,
    string Title,
    string Severity,
    string Status,
    string? Host,
    string? Entity,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    int AlertCount,
    long Version = 1,
    string? Assignee = null,
    string? ClosingReason = null,
    string? Category = null,
    IReadOnlyList<string>? Techniques = null,
    DateTimeOffset? DetectedAt = null,
    DateTimeOffset? AcknowledgedAt = null,
    DateTimeOffset? ClosedAt = null,
    long? LinkedIncidentId = null,
    int ReopenCount = 0);
