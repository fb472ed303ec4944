using Soc.Console.Exports.Common;

namespace Soc.Console.Exports.Deadlines;

/// <summary>Computes each applicable deadline of an incident and whether it is ok, near, overdue or met.</summary>
public static class DeadlineCalculator
{
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Reports", "Templates", "deadlines");

    /// <summary>The rule sets of one folder, each file checked (<see cref="DeadlineRuleSetLoader"/>).</summary>
    public static IReadOnlyList<DeadlineRuleSet> LoadRuleSets(string? directory = null) =>
        DeadlineRuleSetLoader.Load(directory ?? DefaultDirectory, null);

    /// <summary>Deadlines of every rule set in force when the incident was detected.</summary>
    public static IReadOnlyList<DeadlineStatus> Evaluate(IEnumerable<DeadlineRuleSet> sets, IncidentClock incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(incident);
        return [.. sets.Where(s => s.InForceAt(incident.DetectedAt)).SelectMany(s => Evaluate(s, incident, now))];
    }

    public static IReadOnlyList<DeadlineStatus> Evaluate(DeadlineRuleSet set, IncidentClock incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(incident);
        var result = new List<DeadlineStatus>();
        foreach (var rule in set.Rules.Where(r => Applies(r, incident)))
        {
            DateTimeOffset? start = rule.Start == DeadlineStart.Detected ? incident.DetectedAt : incident.ResponseEndedAt;
            var fulfilled = FulfilledAt(rule, incident);
            if (start is not { } started)
            {
                result.Add(new(set.Id, rule.Id, rule.Label, rule.LegalSource, null, null, DeadlineState.NotStarted, fulfilled, null));
                continue;
            }

            var due = Due(started, rule);
            var state = fulfilled is { } done
                ? done <= due ? DeadlineState.Met : DeadlineState.MetLate
                : now > due ? DeadlineState.Overdue
                : due - now <= TimeSpan.FromHours(rule.NearHours) ? DeadlineState.Near
                : DeadlineState.Ok;
            var remaining = fulfilled is null ? due - now : (TimeSpan?)null;
            result.Add(new(set.Id, rule.Id, rule.Label, rule.LegalSource, started, due, state, fulfilled, remaining));
        }

        return result;
    }

    /// <summary>The due instant; day units step in local (UTC+07:00) calendar days from the starting instant.</summary>
    public static DateTimeOffset Due(DateTimeOffset start, DeadlineRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        switch (rule.Unit)
        {
            case DeadlineUnit.Minutes:
                return start.AddMinutes(rule.Duration);
            case DeadlineUnit.Hours:
                return start.AddHours(rule.Duration);
            case DeadlineUnit.CalendarDays:
                return ReportClock.ToLocal(start).AddDays(rule.Duration);
            default:
                var local = ReportClock.ToLocal(start);
                for (var left = rule.Duration; left > 0;)
                {
                    local = local.AddDays(1);
                    if (local.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
                    {
                        left--;
                    }
                }

                return local;
        }
    }

    /// <summary>The earliest of the rule's milestone and the first issue of any form in its <c>metBy</c>; null when none happened.</summary>
    public static DateTimeOffset? FulfilledAt(DeadlineRule rule, IncidentClock incident)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(incident);
        DateTimeOffset? first = incident.Milestones.TryGetValue(rule.Milestone, out var at) ? at : null;
        foreach (var template in rule.MetBy)
        {
            if (incident.FormsIssued.TryGetValue(template, out var issued) && (first is null || issued < first))
            {
                first = issued;
            }
        }

        return first;
    }

    private static bool Applies(DeadlineRule rule, IncidentClock incident) =>
        (rule.Severities.Count == 0 || rule.Severities.Contains(incident.Severity, StringComparer.Ordinal))
        && (rule.Flags.Count == 0 || rule.Flags.Any(incident.Flags.Contains));
}
