using Soc.Console.Incidents;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Exports.Deadlines;

/// <summary>
/// The center's one source of deadlines: for an incident, every operational and legal deadline that
/// applies, with its state now. The queue, the incident page and the notifications all ask here. Legal
/// deadlines are met by the forms issued for the incident (a rule's <c>metBy</c>) and by milestones
/// recorded by hand, both read from <paramref name="store"/> (none without one).
/// </summary>
public sealed class IncidentDeadlines(IReadOnlyList<DeadlineRuleSet> ruleSets, TimeProvider time, SqliteStore? store = null)
{
    /// <summary>Where the center's data folder keeps rule sets that replace or add to the shipped ones.</summary>
    public const string OverrideFolder = "deadlines";

    public IReadOnlyList<DeadlineRuleSet> RuleSets => ruleSets;

    /// <summary>Operational targets from options, then the shipped rule sets overridden by <c>&lt;data&gt;/deadlines/*.json</c>; throws on a bad file or option.</summary>
    public static IncidentDeadlines Load(string dataDir, DeadlineOptions options, TimeProvider time, string? shippedDirectory = null, SqliteStore? store = null)
    {
        var legal = DeadlineRuleSetLoader.Load(shippedDirectory ?? DeadlineCalculator.DefaultDirectory, Path.Combine(dataDir, OverrideFolder));
        return new IncidentDeadlines([OperationalRuleSet.From(options), .. legal], time, store);
    }

    /// <summary>The milestones a person may record by hand: those the legal rules name (not the operational ones, which the workflow sets).</summary>
    public IReadOnlySet<string> ManualMilestones { get; } =
        ruleSets.Where(s => s.Id != OperationalRuleSet.Id).SelectMany(s => s.Rules).Select(r => r.Milestone).ToHashSet(StringComparer.Ordinal);

    public IReadOnlyList<DeadlineStatus> For(Storage.Incident incident) => For(incident, time.GetUtcNow());

    /// <summary>One incident, its milestones read from the store (one query).</summary>
    public IReadOnlyList<DeadlineStatus> For(Storage.Incident incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return For(incident, MilestonesOf([incident]).GetValueOrDefault(incident.Id) ?? IncidentMilestones.None, now);
    }

    public IReadOnlyList<DeadlineStatus> For(Storage.Incident incident, IncidentMilestones milestones, DateTimeOffset now) =>
        DeadlineCalculator.Evaluate(ruleSets, ClockOf(incident, milestones), now);

    /// <summary>The milestones of many incidents in one store query; incidents with none are absent.</summary>
    public Dictionary<long, IncidentMilestones> MilestonesOf(IReadOnlyCollection<Storage.Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        return store is null || incidents.Count == 0 ? [] : store.Milestones([.. incidents.Select(i => i.Id)]);
    }

    /// <summary>The open incident's most pressing deadline that is overdue (earliest due first) or else near; null when none is.</summary>
    public DeadlineStatus? MostUrgent(Storage.Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.Status == IncidentStatuses.Closed ? null : MostUrgent(For(incident));
    }

    /// <summary>Each open incident's most pressing deadline (as <see cref="MostUrgent(Storage.Incident)"/>), the milestones of all read in one query.</summary>
    public Dictionary<long, DeadlineStatus> MostUrgent(IReadOnlyCollection<Storage.Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var now = time.GetUtcNow();
        var open = incidents.Where(i => i.Status != IncidentStatuses.Closed).ToList();
        var milestones = MilestonesOf(open);
        var result = new Dictionary<long, DeadlineStatus>();
        foreach (var incident in open)
        {
            if (MostUrgent(For(incident, milestones.GetValueOrDefault(incident.Id) ?? IncidentMilestones.None, now)) is { } urgent)
            {
                result[incident.Id] = urgent;
            }
        }

        return result;
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
    public static IncidentClock ClockOf(Storage.Incident incident) => ClockOf(incident, IncidentMilestones.None);

    /// <summary>As <see cref="ClockOf(Storage.Incident)"/>, with the legal milestones from the store.</summary>
    public static IncidentClock ClockOf(Storage.Incident incident, IncidentMilestones recorded)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(recorded);
        var closed = incident.Status == IncidentStatuses.Closed ? incident.ClosedAt : null;
        var milestones = new Dictionary<string, DateTimeOffset>(recorded.Recorded, StringComparer.Ordinal);
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
            FormsIssued = recorded.FormsIssued,
        };
    }
}
