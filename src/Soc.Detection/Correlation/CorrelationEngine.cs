using Soc.Detection.Compilation;
using Soc.Detection.Engine;
using Soc.Detection.Events;
using Soc.Detection.Sigma;

namespace Soc.Detection.Correlation;

/// <summary>
/// In-stream Sigma correlation (all seven types) on event time. Windows end at the event being added;
/// events later than the allowed lateness are dropped; state is bounded per rule (evictions counted).
/// Not thread-safe: driven by <see cref="DetectionEngine"/> on one pipeline thread.
/// </summary>
public sealed partial class CorrelationEngine
{
    private const int SweepEveryUpdates = 4096;
    private const int MaxChainDepth = 8;

    private readonly List<CorrelationRuleState> _rules = [];
    private readonly Dictionary<string, List<(CorrelationRuleState State, int Position)>> _byReferenced = new(StringComparer.Ordinal);
    private readonly CorrelationOptions _options;
    private readonly long _latenessTicks;
    private long _watermark = long.MinValue;

    public CorrelationEngine(IEnumerable<SigmaRule> correlationRules, CorrelationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(correlationRules);
        _options = options ?? new CorrelationOptions();
        _latenessTicks = TimeSpan.FromSeconds(_options.AllowedLatenessSeconds).Ticks;
        foreach (var rule in correlationRules)
        {
            if (rule.Correlation is null)
            {
                continue;
            }

            var state = new CorrelationRuleState(rule, _options.MaxEventsPerGroup);
            _rules.Add(state);
            for (var i = 0; i < rule.Correlation.Rules.Count; i++)
            {
                var reference = rule.Correlation.Rules[i];
                if (!_byReferenced.TryGetValue(reference, out var list))
                {
                    _byReferenced[reference] = list = [];
                }

                list.Add((state, i));
            }
        }

        foreach (var state in _rules)
        {
            state.Silent = Suppresses(state.Rule);
        }
    }

    public CorrelationStats Stats { get; } = new();

    /// <summary>Live groups over all correlation rules.</summary>
    public int LiveGroups
    {
        get
        {
            var n = 0;
            foreach (var r in _rules)
            {
                n += r.Groups.Count;
            }

            return n;
        }
    }

    /// <summary>True when a correlation references the rule (by id or name).</summary>
    public bool References(SigmaRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return _byReferenced.ContainsKey(rule.Id) || (rule.Name is not null && _byReferenced.ContainsKey(rule.Name));
    }

    /// <summary>True when every correlation referencing the rule keeps it silent (<c>generate: false</c>).</summary>
    public bool Suppresses(SigmaRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var referenced = false;
        foreach (var key in (string?[])[rule.Id, rule.Name])
        {
            if (key is not null && _byReferenced.TryGetValue(key, out var list))
            {
                referenced = true;
                foreach (var (state, _) in list)
                {
                    if (state.Spec.Generate)
                    {
                        return false;
                    }
                }
            }
        }

        return referenced;
    }

    /// <summary>Feeds one match of a referenced rule; appends correlation alerts (and chains them into correlations that reference them).</summary>
    public void OnMatch(SigmaRule rule, LogSourceRoute route, LogEvent ev, List<Alert> alerts) => OnMatch(rule, route, ev, alerts, 0);

    private void OnMatch(SigmaRule rule, LogSourceRoute route, LogEvent ev, List<Alert> alerts, int depth)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(alerts);
        if (depth > MaxChainDepth)
        {
            return;
        }

        var ticks = ev.Timestamp.UtcTicks;
        if (depth == 0)
        {
            if (_watermark != long.MinValue && ticks < _watermark - _latenessTicks)
            {
                Stats.LateEvents++;
                return;
            }

            _watermark = Math.Max(_watermark, ticks);
        }

        Dispatch(rule.Id, rule, route, ev, ticks, alerts, depth);
        if (rule.Name is not null && rule.Name != rule.Id)
        {
            Dispatch(rule.Name, rule, route, ev, ticks, alerts, depth);
        }
    }

    private void Dispatch(string reference, SigmaRule rule, LogSourceRoute route, LogEvent ev, long ticks, List<Alert> alerts, int depth)
    {
        if (!_byReferenced.TryGetValue(reference, out var targets))
        {
            return;
        }

        foreach (var (state, position) in targets)
        {
            if (Update(state, position, reference, route, ev, ticks) is { } alert)
            {
                Stats.Alerts++;
                if (!state.Silent)
                {
                    alerts.Add(alert);
                }

                OnMatch(state.Rule, route, ev, alerts, depth + 1);
            }
        }
    }
}
