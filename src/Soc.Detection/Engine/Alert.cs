using Soc.Detection.Events;

namespace Soc.Detection.Engine;

/// <summary>
/// A rule matched. Carries what the SigmaHQ Detection Rule License requires (the rule's author) and
/// what an analyst needs to judge it: title, id, level, tags and the fields that matched.
/// Correlation alerts also carry the correlation type, the group-by values and the event count.
/// </summary>
public sealed record Alert
{
    public const string KindMatch = "match";
    public const string KindCorrelation = "correlation";

    public required string RuleId { get; init; }
    public required string RuleTitle { get; init; }
    public required string Level { get; init; }
    public string? Author { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary><see cref="KindMatch"/> for a detection rule, <see cref="KindCorrelation"/> for a correlation rule.</summary>
    public string Kind { get; init; } = KindMatch;

    /// <summary>For correlation alerts: event_count, value_count, temporal, ... (snake_case as in the rule).</summary>
    public string? CorrelationType { get; init; }

    /// <summary>For correlation alerts: group-by field (or alias) → the group's value.</summary>
    public IReadOnlyDictionary<string, string> GroupBy { get; init; } = new Dictionary<string, string>();

    /// <summary>For correlation alerts: events in the window that made the condition hold.</summary>
    public int EventCount { get; init; } = 1;

    /// <summary>For value_* correlations: the aggregated value (distinct count, sum, average, percentage).</summary>
    public double? Value { get; init; }

    /// <summary>Field name → the event's value, for every field the rule's matching selections looked at.</summary>
    public IReadOnlyDictionary<string, string> MatchedFields { get; init; } = new Dictionary<string, string>();

    /// <summary>Event time of the (last) matching event.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The event that matched (for correlation rules, the event that completed the correlation).</summary>
    public LogEvent? Event { get; init; }

    /// <summary>
    /// Ids (<c>event.id</c>) of the events behind the alert. Correlation state keeps no event ids (to stay
    /// within its memory budget), so a correlation alert lists the completing event only.
    /// </summary>
    public IReadOnlyList<string> EventIds { get; init; } = [];
}
