namespace Soc.Console.Storage;

/// <summary>
/// An alert as stored: the rule that fired (with its author, as the Sigma rule licence requires) and what
/// matched. Repeats with the same <see cref="Fingerprint"/> within the dedupe window raise <see cref="Count"/>
/// and <see cref="LastSeen"/> instead of adding rows.
/// </summary>
public sealed record StoredAlert(
    long Id,
    long IncidentId,
    string RuleId,
    string RuleTitle,
    string Level,
    string? Author,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> MatchedFields,
    DateTimeOffset Timestamp,
    string? EventId,
    string? Host,
    string? Message,
    string AgencyId = "",
    string Fingerprint = "",
    int Count = 1,
    DateTimeOffset? LastSeen = null);
