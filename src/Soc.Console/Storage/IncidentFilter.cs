namespace Soc.Console.Storage;

/// <summary>Incident list filters and sort. <paramref name="Sort"/>: last_seen (default), first_seen, severity, alert_count; prefix '-' is descending and the default.</summary>
public sealed record IncidentFilter(
    IReadOnlyList<string>? AgencyScope,
    string? Status = null,
    string? Severity = null,
    string? Assignee = null,
    string? RuleId = null,
    string? Category = null,
    string? Sort = null,
    int Limit = 50,
    int Offset = 0);
