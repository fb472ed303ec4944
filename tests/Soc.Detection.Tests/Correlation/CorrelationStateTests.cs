using Soc.Detection.Correlation;
using Soc.Detection.Engine;
using Soc.Detection.Events;
using Soc.Detection.Sigma;
using Soc.Detection.Tests.Support;

namespace Soc.Detection.Tests.Correlation;

public sealed class CorrelationStateTests
{
    private const string Rules = """
        title: base
        id: base-1
        detection:
            sel:
                kind: x
            condition: sel
        ---
        title: count
        id: count-1
        correlation:
            type: event_count
            rules: [base-1]
            group-by: [user.name]
            timespan: 1m
            condition:
                gte: 3
        """;

    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    private static DetectionEngine Engine(CorrelationOptions? options = null, string rules = Rules) =>
        new(SigmaRuleLoader.LoadText(rules).Rules, new DetectionEngineOptions { Correlation = options ?? new CorrelationOptions() });

    private static LogEvent Ev(double seconds, string user)
    {
        var ev = RuleHarness.Event(("kind", "x"), ("user.name", user));
        ev.Timestamp = T0.AddSeconds(seconds);
        return ev;
    }

    [Fact]
    public void BaseRulesReferencedWithoutGenerateRaiseNoAlertOfTheirOwn()
    {
        var alerts = new List<Alert>();
        var engine = Engine();
        engine.Evaluate(Ev(0, "u"), alerts);
        Assert.Empty(alerts);

        var generating = Engine(rules: Rules.Replace("timespan: 1m", "timespan: 1m\n    generate: true", StringComparison.Ordinal));
        generating.Evaluate(Ev(0, "u"), alerts);
        Assert.Equal("base-1", Assert.Single(alerts).RuleId);
    }

    [Fact]
    public void ToleratesOutOfOrderEventsWithinTheLatenessAndDropsLaterOnes()
    {
        var engine = Engine(new CorrelationOptions { AllowedLatenessSeconds = 30 });
        var alerts = new List<Alert>();
        engine.Evaluate(Ev(100, "u"), alerts);
        engine.Evaluate(Ev(90, "u"), alerts);
        engine.Evaluate(Ev(10, "u"), alerts); // 90 s behind the newest event: dropped
        Assert.Empty(alerts);
        Assert.Equal(1, engine.CorrelationStats.LateEvents);
        engine.Evaluate(Ev(95, "u"), alerts);
        Assert.Single(alerts);
    }

    [Fact]
    public void GroupCapEvictsAndCountsEvictions()
    {
        var engine = Engine(new CorrelationOptions { MaxGroupsPerRule = 16 });
        var alerts = new List<Alert>();
        for (var i = 0; i < 100; i++)
        {
            engine.Evaluate(Ev(i * 0.1, "user" + i), alerts);
        }

        Assert.True(engine.LiveCorrelationGroups <= 16);
        Assert.True(engine.CorrelationStats.EvictedGroups >= 84);
    }

    [Fact]
    public void EventsWithoutTheGroupByFieldAreNotCounted()
    {
        var engine = Engine();
        var alerts = new List<Alert>();
        for (var i = 0; i < 5; i++)
        {
            var ev = RuleHarness.Event(("kind", "x"));
            ev.Timestamp = T0.AddSeconds(i);
            engine.Evaluate(ev, alerts);
        }

        Assert.Empty(alerts);
        Assert.Equal(5, engine.CorrelationStats.UngroupedEvents);
    }
}
