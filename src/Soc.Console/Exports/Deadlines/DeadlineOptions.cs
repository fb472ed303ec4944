namespace Soc.Console.Exports.Deadlines;

/// <summary>
/// <c>Soc:Deadlines</c>: the operational targets per severity and when their clocks read "near". The
/// legal deadlines come from the rule set files (shipped, overridden by <c>&lt;data&gt;/deadlines/*.json</c>),
/// each with its own <c>nearHours</c>.
/// </summary>
public sealed class DeadlineOptions
{
    /// <summary>
    /// Targets by severity, e.g. <c>Soc:Deadlines:Operational:critical:AcknowledgeMinutes=15</c>. Defaults follow
    /// the provincial SOC's working practice: acknowledge a critical within the quarter hour, resolve it within a
    /// working half-day; looser for what hurts less.
    /// </summary>
    public Dictionary<string, OperationalTarget> Operational { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["critical"] = new() { AcknowledgeMinutes = 15, ResolveMinutes = 4 * 60 },
        ["high"] = new() { AcknowledgeMinutes = 60, ResolveMinutes = 24 * 60 },
        ["medium"] = new() { AcknowledgeMinutes = 4 * 60, ResolveMinutes = 3 * 24 * 60 },
        ["low"] = new() { AcknowledgeMinutes = 24 * 60, ResolveMinutes = 7 * 24 * 60 },
        ["informational"] = new() { AcknowledgeMinutes = 24 * 60, ResolveMinutes = 7 * 24 * 60 },
    };

    /// <summary>An operational clock reads "near" in the last this fraction of its target (0.25: the last quarter).</summary>
    public double NearFraction { get; set; } = 0.25;
}
