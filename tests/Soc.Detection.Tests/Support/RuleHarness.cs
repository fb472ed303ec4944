using Soc.Detection.Engine;
using Soc.Detection.Events;
using Soc.Detection.Sigma;

namespace Soc.Detection.Tests.Support;

/// <summary>Builds one-rule engines from a detection snippet and checks the compiled engine against the naive one.</summary>
public static class RuleHarness
{
    public static SigmaRule Rule(string detection, string logsource = "")
    {
        var yaml = "title: t\nid: r1\n" + (logsource.Length > 0 ? "logsource:\n" + Indent(logsource) : "") + "detection:\n" + Indent(detection);
        var result = SigmaRuleLoader.LoadText(yaml);
        Assert.True(result.Errors.Count == 0, string.Join("; ", result.Errors));
        return Assert.Single(result.Rules);
    }

    public static LogEvent Event(params (string Field, object? Value)[] fields)
    {
        var ev = new LogEvent { Timestamp = new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero) };
        foreach (var (f, v) in fields)
        {
            ev.Set(f, v);
        }

        return ev;
    }

    /// <summary>True when the rule matches; fails the test if the compiled and the naive evaluator disagree.</summary>
    public static bool Matches(string detection, LogEvent ev, DetectionEngineOptions? options = null)
    {
        var rule = Rule(detection);
        var engine = new DetectionEngine([rule], options ?? new DetectionEngineOptions());
        Assert.Empty(engine.CompileErrors);
        var alerts = new List<Alert>();
        engine.Evaluate(ev, alerts);
        var naive = new NaiveEvaluator([rule], options).Matches(ev).Count == 1;
        Assert.Equal(naive, alerts.Count == 1);
        return alerts.Count == 1;
    }

    public static string Indent(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.Length == 0 ? l : "    " + l)) + "\n";
}
