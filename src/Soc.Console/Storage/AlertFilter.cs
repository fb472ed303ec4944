namespace Soc.Console.Storage;

/// <summary>Alert list filters: by incident, rule, time; newest first.</summary>
public sealed record AlertFilter(
    IReadOnlyList<string>? AgencyScope,
    long? IncidentId = null,
    string? RuleId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = 100,
    int Offset = 0);
