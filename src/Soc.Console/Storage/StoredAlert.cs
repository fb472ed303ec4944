namespace Soc.Console.Storage;

/// <summary>An alert as stored: the rule that fired (with its author, as the Sigma rule licence requires) and what matched.</summary>
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
    string? Message);
