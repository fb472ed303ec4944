using System.Globalization;
using Soc.Detection.Compilation;
using Soc.Detection.Engine;
using Soc.Detection.Events;
using Soc.Detection.Matching;
using Soc.Detection.Sigma;

namespace Soc.Detection.Correlation;

/// <summary>Group keys, window arithmetic per correlation type, and bounded state.</summary>
public sealed partial class CorrelationEngine
{
    private Alert? Update(CorrelationRuleState state, int position, string reference, LogSourceRoute route, LogEvent ev, long ticks)
    {
        var spec = state.Spec;
        if (!TryKey(spec, reference, route, ev, out var key))
        {
            Stats.UngroupedEvents++;
            return null;
        }

        double number = 0;
        string? text = null;
        if (spec.ConditionField is { } field && spec.Type != CorrelationType.EventCount)
        {
            var names = FieldFor(spec, field, reference, route);
            if (!EventValues.TryGet(ev, names, out var raw) || raw is null)
            {
                Stats.UngroupedEvents++;
                return null;
            }

            if (spec.Type is CorrelationType.ValueSum or CorrelationType.ValueAvg)
            {
                if (!TryNumber(raw, out number))
                {
                    Stats.UngroupedEvents++;
                    return null;
                }
            }
            else
            {
                text = raw as string ?? EventValues.Format(raw);
            }
        }

        Stats.Updates++;
        if (!state.Groups.TryGetValue(key, out var group))
        {
            if (state.Groups.Count >= _options.MaxGroupsPerRule)
            {
                MakeRoom(state);
            }

            group = NewGroup(spec);
            state.Groups[key] = group;
        }

        group.LastTicks = Math.Max(group.LastTicks, ticks);

        // The window ends at the group's newest event, so an out-of-order event (within the lateness)
        // joins the same window as the events that overtook it.
        var to = group.LastTicks;
        if (++state.UpdatesSinceSweep >= SweepEveryUpdates)
        {
            state.UpdatesSinceSweep = 0;
            Sweep(state, key);
        }

        var from = to - state.SpanTicks;
        int count;
        double? value = null;
        switch (spec.Type)
        {
            case CorrelationType.Temporal:
                {
                    var steps = group.Steps!;
                    steps[position] = Math.Max(steps[position], ticks);
                    count = 0;
                    foreach (var t in steps)
                    {
                        if (t != long.MinValue && t >= from && t <= to)
                        {
                            count++;
                        }
                    }

                    var fire = spec.Conditions.Count == 0 ? count == steps.Length : Holds(spec, count);
                    if (!fire)
                    {
                        return null;
                    }

                    break;
                }

            case CorrelationType.TemporalOrdered:
                {
                    var steps = group.Steps!;
                    AdvanceChain(spec, steps, reference, ticks, ticks - state.SpanTicks);
                    if (steps[^1] == long.MinValue)
                    {
                        return null;
                    }

                    count = steps.Length;
                    break;
                }

            case CorrelationType.ValueCount:
                // EventCount of a value_count alert is the number of distinct values: the state keeps one
                // entry per value (its newest time), not one per event.
                group.Distinct!.Observe(text!, ticks, from, state.MaxEntries);
                count = group.Distinct.Count;
                value = count;
                if (!Holds(spec, count))
                {
                    return null;
                }

                break;

            default:
                group.Add(ticks, number, text, from, state.MaxEntries);
                count = group.Count;
                value = spec.Type switch
                {
                    CorrelationType.ValueSum => group.Sum,
                    CorrelationType.ValueAvg => count == 0 ? 0 : group.Sum / count,
                    CorrelationType.ValuePercentile => group.Share(text),
                    _ => null,
                };
                if (!Holds(spec, value ?? count))
                {
                    return null;
                }

                break;
        }

        state.Groups.Remove(key); // one alert per completed window; the next window starts empty
        return BuildAlert(state, key, ev, count, value);
    }

    /// <summary>
    /// temporal_ordered: Steps[i] is the start time of the latest chain that has reached rule i in order.
    /// A rule may sit at several positions; later positions are advanced first so one event moves a chain one step.
    /// </summary>
    private static void AdvanceChain(SigmaCorrelation spec, long[] steps, string reference, long ticks, long from)
    {
        for (var i = spec.Rules.Count - 1; i >= 0; i--)
        {
            if (spec.Rules[i] != reference)
            {
                continue;
            }

            if (i == 0)
            {
                steps[0] = Math.Max(steps[0], ticks);
            }
            else if (steps[i - 1] != long.MinValue && steps[i - 1] >= from && steps[i - 1] <= ticks)
            {
                steps[i] = Math.Max(steps[i], steps[i - 1]);
            }
        }
    }

    private static bool Holds(SigmaCorrelation spec, double actual)
    {
        foreach (var c in spec.Conditions)
        {
            if (!c.Holds(actual))
            {
                return false;
            }
        }

        return true;
    }

    private static GroupState NewGroup(SigmaCorrelation spec)
    {
        var g = new GroupState { LastTicks = long.MinValue };
        switch (spec.Type)
        {
            case CorrelationType.Temporal or CorrelationType.TemporalOrdered:
                g.Steps = new long[spec.Rules.Count];
                Array.Fill(g.Steps, long.MinValue);
                g.Times = [];
                break;
            case CorrelationType.ValueSum or CorrelationType.ValueAvg:
                g.Numbers = new double[g.Times.Length];
                break;
            case CorrelationType.ValueCount:
                g.Times = [];
                g.Distinct = new DistinctValues();
                break;
            case CorrelationType.ValuePercentile:
                g.Texts = new string?[g.Times.Length];
                break;
            default:
                break;
        }

        return g;
    }

    /// <summary>The key of the event's group: each group-by field (through its alias for this referenced rule, then the route's mapping).</summary>
    private static bool TryKey(SigmaCorrelation spec, string reference, LogSourceRoute route, LogEvent ev, out GroupKey key)
    {
        key = default;
        var groupBy = spec.GroupBy;
        if (groupBy.Count == 0)
        {
            return true;
        }

        Span<string?> parts = [null, null, null];
        for (var i = 0; i < groupBy.Count; i++)
        {
            if (!EventValues.TryGet(ev, FieldFor(spec, groupBy[i], reference, route), out var raw) || raw is null)
            {
                return false;
            }

            var text = raw as string ?? EventValues.Format(raw);
            if (i < 2)
            {
                parts[i] = text;
            }
            else
            {
                parts[2] = parts[2] is null ? text : parts[2] + "\u001f" + text;
            }
        }

        key = new GroupKey(parts[0], parts[1], parts[2]);
        return true;
    }

    private static string[] FieldFor(SigmaCorrelation spec, string field, string reference, LogSourceRoute route) =>
        spec.Aliases.TryGetValue(field, out var perRule) && perRule.TryGetValue(reference, out var actual)
            ? route.Map(actual)
            : route.Map(field);

    private static bool TryNumber(object raw, out double number)
    {
        switch (raw)
        {
            case long l:
                number = l;
                return true;
            case int i:
                number = i;
                return true;
            case double d:
                number = d;
                return true;
            case string s:
                return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            default:
                number = 0;
                return false;
        }
    }

    /// <summary>Drops groups whose window has passed (by the watermark), keeping the one being updated.</summary>
    private void Sweep(CorrelationRuleState state, GroupKey keep)
    {
        var horizon = _watermark - state.SpanTicks - _latenessTicks;
        List<GroupKey>? expired = null;
        foreach (var (k, g) in state.Groups)
        {
            if (g.LastTicks < horizon && !k.Equals(keep))
            {
                (expired ??= []).Add(k);
            }
        }

        if (expired is not null)
        {
            foreach (var k in expired)
            {
                state.Groups.Remove(k);
            }

            Stats.ExpiredGroups += expired.Count;
        }
    }

    /// <summary>At the cap: drop expired groups, then the least recently updated eighth of the rest (counted as evictions).</summary>
    private void MakeRoom(CorrelationRuleState state)
    {
        var before = state.Groups.Count;
        Sweep(state, default);
        if (state.Groups.Count < before || state.Groups.Count < _options.MaxGroupsPerRule)
        {
            return;
        }

        var times = new long[state.Groups.Count];
        var n = 0;
        foreach (var g in state.Groups.Values)
        {
            times[n++] = g.LastTicks;
        }

        Array.Sort(times);
        var threshold = times[Math.Max(0, (times.Length / 8) - 1)];
        var victims = new List<GroupKey>();
        foreach (var (k, g) in state.Groups)
        {
            if (g.LastTicks <= threshold)
            {
                victims.Add(k);
            }
        }

        foreach (var k in victims)
        {
            state.Groups.Remove(k);
        }

        Stats.EvictedGroups += victims.Count;
    }

    private static Alert BuildAlert(CorrelationRuleState state, GroupKey key, LogEvent ev, int count, double? value)
    {
        var rule = state.Rule;
        var groupBy = new Dictionary<string, string>(StringComparer.Ordinal);
        string?[] parts = [key.A, key.B, key.C];
        for (var i = 0; i < state.Spec.GroupBy.Count && i < 3; i++)
        {
            groupBy[state.Spec.GroupBy[i]] = parts[i] ?? "";
        }

        return new Alert
        {
            RuleId = rule.Id,
            RuleTitle = rule.Title,
            Level = rule.Level,
            Author = rule.Author,
            Description = rule.Description,
            Tags = rule.Tags,
            Kind = Alert.KindCorrelation,
            CorrelationType = TypeName(state.Spec.Type),
            GroupBy = groupBy,
            EventCount = count,
            Value = value,
            MatchedFields = groupBy,
            Timestamp = ev.Timestamp,
            Event = ev,
            EventIds = ev.GetString(EcsFields.EventId) is { } id ? [id] : [],
        };
    }

    public static string TypeName(CorrelationType type) => type switch
    {
        CorrelationType.EventCount => "event_count",
        CorrelationType.ValueCount => "value_count",
        CorrelationType.Temporal => "temporal",
        CorrelationType.TemporalOrdered => "temporal_ordered",
        CorrelationType.ValueSum => "value_sum",
        CorrelationType.ValueAvg => "value_avg",
        _ => "value_percentile",
    };
}
