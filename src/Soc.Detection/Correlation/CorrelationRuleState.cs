using Soc.Detection.Sigma;

namespace Soc.Detection.Correlation;

/// <summary>One correlation rule's compiled form and its live groups.</summary>
internal sealed class CorrelationRuleState(SigmaRule rule)
{
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
