using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Soc.Console.Storage.Sqlite;
using Soc.Console.Web.Data;
using Soc.Detection.Engine;
using Soc.Detection.Events;

namespace Soc.Console.Pipeline;

/// <summary>
/// The Rules page's switches and suppressions (<c>console_rule_state</c>, <c>console_suppressions</c>) as
/// the detect stage sees them: a snapshot in memory, swapped whole when the page changes something
/// (<see cref="Refresh"/>) and re-read every <see cref="RefreshInterval"/> in case the tables were changed
/// elsewhere. The hot path is one dictionary lookup per alert; events without alerts cost nothing.
/// Disabled rules and suppressions act on the engine's output, so a disabled rule still feeds the
/// correlation rules built on it; a disabled correlation rule raises nothing itself.
/// </summary>
public sealed class RuleSwitches : IDisposable
{
    /// <summary>How often the snapshot is re-read even when nothing on the Rules page asked for it.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    private readonly SqliteStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<RuleSwitches> _logger;
    private readonly ITimer _timer;
    private readonly Lock _refreshing = new();
    private readonly ConcurrentDictionary<string, StrongBox> _suppressed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox> _disabled = new(StringComparer.Ordinal);
    private volatile Dictionary<string, RuleSwitch> _snapshot = new(StringComparer.Ordinal);

    public RuleSwitches(SqliteStore store, TimeProvider time, ILogger<RuleSwitches> logger)
    {
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
        _logger = logger;
        Refresh();
        _timer = time.CreateTimer(_ => Refresh(), null, RefreshInterval, RefreshInterval);
    }

    /// <summary>Reads the switches and suppressions again and swaps the snapshot in one step.</summary>
    public void Refresh()
    {
        lock (_refreshing)
        {
            try
            {
                var next = new Dictionary<string, RuleSwitch>(StringComparer.Ordinal);
                foreach (var rule in _store.DisabledRules())
                {
                    next[rule] = new RuleSwitch(true, []);
                }

                foreach (var group in _store.ActiveSuppressions(_time.GetUtcNow()).GroupBy(s => s.RuleId, StringComparer.Ordinal))
                {
                    next[group.Key] = new RuleSwitch(next.TryGetValue(group.Key, out var s) && s.Disabled, [.. group]);
                }

                _snapshot = next;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keep the last snapshot: detection must not stop because the console tables cannot be read
                // (and an exception out of the timer's callback would end the process).
                _logger.LogWarning(ex, "Reading rule switches failed; the previous ones stay in force");
            }
        }
    }

    /// <summary>
    /// Removes from <paramref name="alerts"/> those of disabled rules and those an active suppression
    /// matches (the alert's event, else <paramref name="ev"/>, has the suppression's field equal to its
    /// value, case-insensitive). Returns how many were removed.
    /// </summary>
    public int Filter(LogEvent ev, List<Alert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Count == 0)
        {
            return 0;
        }

        var snapshot = _snapshot;
        if (snapshot.Count == 0)
        {
            return 0;
        }

        var removed = 0;
        for (var i = alerts.Count - 1; i >= 0; i--)
        {
            var alert = alerts[i];
            if (!snapshot.TryGetValue(alert.RuleId, out var rule))
            {
                continue;
            }

            if (rule.Disabled)
            {
                Count(_disabled, alert.RuleId);
            }
            else if (Suppresses(rule.Suppressions, alert.Event ?? ev))
            {
                Count(_suppressed, alert.RuleId);
            }
            else
            {
                continue;
            }

            alerts.RemoveAt(i);
            removed++;
        }

        return removed;
    }

    /// <summary>Per-rule counters in the Prometheus text format, appended to <c>/metrics</c>.</summary>
    public string ToPrometheus()
    {
        var sb = new StringBuilder();
        Write(sb, "soc_detect_suppressed_total", "Alerts dropped by a suppression on the Rules page, per rule.", _suppressed);
        Write(sb, "soc_detect_disabled_total", "Alerts dropped because their rule is disabled on the Rules page, per rule.", _disabled);
        return sb.ToString();
    }

    public void Dispose() => _timer.Dispose();

    private bool Suppresses(Suppression[] suppressions, LogEvent ev)
    {
        var now = _time.GetUtcNow();
        foreach (var s in suppressions)
        {
            // Expiry is checked here, so a suppression ends on time without waiting for a refresh.
            if (s.Expires is { } until && until <= now)
            {
                continue;
            }

            if (ev.TryGet(s.Field, out var value) && Matches(value, s.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(object? value, string expected)
    {
        switch (value)
        {
            case null:
                return false;
            case string text:
                return string.Equals(text, expected, StringComparison.OrdinalIgnoreCase);
            case IEnumerable<string> many:
                foreach (var one in many)
                {
                    if (string.Equals(one, expected, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            case IFormattable number:
                return string.Equals(number.ToString(null, CultureInfo.InvariantCulture), expected, StringComparison.OrdinalIgnoreCase);
            default:
                return string.Equals(value.ToString(), expected, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static void Count(ConcurrentDictionary<string, StrongBox> counters, string ruleId) =>
        Interlocked.Increment(ref counters.GetOrAdd(ruleId, static _ => new StrongBox()).Value);

    private static void Write(StringBuilder sb, string name, string help, ConcurrentDictionary<string, StrongBox> counters)
    {
        sb.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        sb.Append("# TYPE ").Append(name).Append(" counter\n");
        foreach (var (rule, count) in counters.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{name}{{rule=\"{rule.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"}} {Interlocked.Read(ref count.Value)}\n");
        }
    }

    private sealed record RuleSwitch(bool Disabled, Suppression[] Suppressions);

    private sealed class StrongBox
    {
        public long Value;
    }
}
