using Soc.Detection.Sigma;

namespace Soc.Detection.Correlation;

/// <summary>One correlation rule's compiled form and its live groups.</summary>
internal sealed class CorrelationRuleState(SigmaRule rule, int maxEventsPerGroup)
{
    /// <summary>
    /// Entries a group remembers. An event_count whose conditions are all gt/gte only needs the newest
    /// threshold+1 events to decide, which keeps such groups small; everything else keeps up to the option's cap.
    /// </summary>
    public int MaxEntries { get; } = rule.Correlation!.Type == CorrelationType.EventCount
        && rule.Correlation.Conditions.Count > 0
        && rule.Correlation.Conditions.All(c => c.Operator is "gt" or "gte")
            ? (int)Math.Clamp(rule.Correlation.Conditions.Max(c => c.Value) + 1, 1, maxEventsPerGroup)
            : maxEventsPerGroup;

    public SigmaRule Rule { get; } = rule;
    public SigmaCorrelation Spec { get; } = rule.Correlation!;
    public long SpanTicks { get; } = rule.Correlation!.Timespan.Ticks;
    public Dictionary<GroupKey, GroupState> Groups { get; } = [];

    /// <summary>Position of each referenced rule (by id and by name) in <see cref="SigmaCorrelation.Rules"/>.</summary>
    public Dictionary<string, int> Positions { get; } = new(StringComparer.Ordinal);

    public long UpdatesSinceSweep { get; set; }

    /// <summary>Another correlation references this one without <c>generate: true</c>: its alerts only feed that correlation.</summary>
    public bool Silent { get; set; }
}
