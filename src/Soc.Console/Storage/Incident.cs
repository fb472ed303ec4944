namespace Soc.Console.Storage;

/// <summary>Alerts of one rule about one entity (host, source address or user) within the look-back, grouped for triage.</summary>
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
    int AlertCount);
