using Soc.Console.Incidents;

namespace Soc.Console.Exports.Deadlines;

/// <summary>
/// The center's one source of deadlines: for an incident, every operational and legal deadline that
/// applies, with its state now. The queue, the incident page and the notifications all ask here.
/// </summary>
public sealed class IncidentDeadlines(IReadOnlyList<DeadlineRuleSet> ruleSets, TimeProvider time)
{
    /// <summary>Where the center's data folder keeps rule sets that replace or add to the shipped ones.</summary>
    public const string OverrideFolder = "deadlines";

    public IReadOnlyList<DeadlineRuleSet> RuleSets => ruleSets;

    /// <summary>Operational targets from options, then the shipped rule sets overridden by <c>&lt;data&gt;/deadlines/*.json</c>; throws on a bad file or option.</summary>
    public static IncidentDeadlines Load(string dataDir, DeadlineOptions options, TimeProvider time, string? shippedDirectory = null)
    {
        var legal = DeadlineRuleSetLoader.Load(shippedDirectory ?? DeadlineCalculator.DefaultDirectory, Path.Combine(dataDir, OverrideFolder));
        return new IncidentDeadlines([OperationalRuleSet.From(options), .. legal], time);
    }

    public IReadOnlyList<DeadlineStatus> For(Storage.Incident incident) => For(incident, time.GetUtcNow());

    public IReadOnlyList<DeadlineStatus> For(Storage.Incident incident, DateTimeOffset now) =>
        DeadlineCalculator.Evaluate(ruleSets, ClockOf(incident), now);

    /// <summary>The open incident's most pressing deadline that is overdue (earliest due first) or else near; null when none is.</summary>
    public DeadlineStatus? MostUrgent(Storage.Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.Status == IncidentStatuses.Closed ? null : MostUrgent(For(incident));
    }

    public static DeadlineStatus? MostUrgent(IReadOnlyList<DeadlineStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        DeadlineStatus? best = null;
        foreach (var s in statuses)
        {
            if (s.State is not (DeadlineState.Overdue or DeadlineState.Near))
            {
                continue;
            }

            if (best is null
                || (s.State == DeadlineState.Overdue && best.State != DeadlineState.Overdue)
                || (s.State == best.State && s.DueAt < best.DueAt))
            {
                best = s;
            }
        }

        return best;
    }

    /// <summary>
    /// What the calculator needs from a stored incident. Closing ends the response; it also counts as
    /// acknowledgement for an incident closed straight from new (an obvious false positive).
    /// </summary>
    public static IncidentClock ClockOf(Storage.Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var closed = incident.Status == IncidentStatuses.Closed ? incident.ClosedAt : null;
        var milestones = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if ((incident.AcknowledgedAt ?? closed) is { } acknowledged)
        {
            milestones[OperationalRuleSet.Acknowledged] = acknowledged;
        }

        if (closed is { } resolved)
        {
            milestones[OperationalRuleSet.Resolved] = resolved;
        }

        return new IncidentClock
        {
            DetectedAt = incident.DetectedAt ?? incident.FirstSeen,
            ResponseEndedAt = closed,
            Severity = incident.Severity.ToLowerInvariant(),
            Milestones = milestones,
        };
    }
}
