namespace Soc.Console.Exports.Deadlines;

/// <summary>One deadline of one incident, with the legal source to show beside it.</summary>
/// <param name="Remaining">Time left at evaluation (negative when overdue); null when not running.</param>
public sealed record DeadlineStatus(
    string RuleSetId,
    string RuleId,
    string Label,
    string LegalSource,
    DateTimeOffset? StartedAt,
    DateTimeOffset? DueAt,
    DeadlineState State,
    DateTimeOffset? FulfilledAt,
    TimeSpan? Remaining);
