using Soc.Detection.Events;

namespace Soc.Detection.Engine;

/// <summary>
/// A rule matched. Carries what the SigmaHQ Detection Rule License requires (the rule's author) and
/// what an analyst needs to judge it: title, id, level, tags and the fields that matched.
/// </summary>
public sealed record Alert
{
    public required string RuleId { get; init; }
    public required string RuleTitle { get; init; }
    public required string Level { get; init; }
    public string? Author { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Field name → the event's value, for every field the rule's matching selections looked at.</summary>
    public IReadOnlyDictionary<string, string> MatchedFields { get; init; } = new Dictionary<string, string>();

    /// <summary>Event time of the (last) matching event.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The event that matched (for correlation rules, the event that completed the correlation).</summary>
    public LogEvent? Event { get; init; }

    /// <summary>Ids (<c>event.id</c>) of every event behind the alert.</summary>
    public IReadOnlyList<string> EventIds { get; init; } = [];
}
