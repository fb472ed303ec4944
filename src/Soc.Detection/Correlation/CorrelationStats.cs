namespace Soc.Detection.Correlation;

/// <summary>Counters that make bounded correlation state visible.</summary>
public sealed class CorrelationStats
{
    /// <summary>State updates (an event of a referenced rule reached a group).</summary>
    public long Updates { get; internal set; }

    /// <summary>Groups evicted because a rule hit <see cref="CorrelationOptions.MaxGroupsPerRule"/>.</summary>
    public long EvictedGroups { get; internal set; }

    /// <summary>Groups dropped because their window expired.</summary>
    public long ExpiredGroups { get; internal set; }

    /// <summary>Events older than the allowed lateness, ignored.</summary>
    public long LateEvents { get; internal set; }

    /// <summary>Events of a referenced rule lacking a group-by field, ignored.</summary>
    public long UngroupedEvents { get; internal set; }

    /// <summary>Correlation alerts raised.</summary>
    public long Alerts { get; internal set; }
}
