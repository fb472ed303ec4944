using Soc.Detection.Correlation;
using Soc.Detection.Engine;
using Soc.Detection.Events;
using Soc.Detection.Sigma;
using Soc.Detection.Tests.Support;

namespace Soc.Detection.Tests.Correlation;

/// <summary>Incremental windows: values and events leave as the window slides, out-of-order events within the lateness.</summary>
public sealed class SlidingWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    private static string Rules(string type, string timespan, string condition) => $"""
        title: base
        id: base-1
        detection:
            sel:
                kind: x
            condition: sel
        ---
        title: corr
        id: corr-1
        correlation:
            type: {type}
            rules: [base-1]
            group-by: [host.name]
            timespan: {timespan}
            condition:
                {condition}
        """;

    private static DetectionEngine Engine(string rules, int latenessSeconds = 60) =>
        new(SigmaRuleLoader.LoadText(rules).Rules, new DetectionEngineOptions { Correlation = new CorrelationOptions { AllowedLatenessSeconds = latenessSeconds } });

    private static LogEvent Ev(double seconds, string user, long bytes = 0)
    {
        var ev = RuleHarness.Event(("kind", "x"), ("host.name", "h"), ("user.name", user), ("bytes", bytes));
        ev.Timestamp = T0.AddSeconds(seconds);
        return ev;
    }

    private static List<Alert> Feed(DetectionEngine engine, params LogEvent[] events)
    {
        var alerts = new List<Alert>();
        foreach (var ev in events)
        {
            engine.Evaluate(ev, alerts);
        }

        return alerts;
    }

    private static readonly string DistinctUsers = Rules("value_count", "1m", "field: user.name\n        gte: 3");

    [Fact]
    public void ValuesLeavingTheWindowStopCounting()
    {
        var engine = Engine(DistinctUsers);
        // At 65 s the window is [5 s, 65 s]: u1 (0 s) has left, so only u2 and u3 count.
        Assert.Empty(Feed(engine, Ev(0, "u1"), Ev(10, "u2"), Ev(65, "u3")));
        // At 66 s: u2, u3, u4.
        var alert = Assert.Single(Feed(engine, Ev(66, "u4")));
        Assert.Equal(3, alert.Value);
    }

    [Fact]
    public void TheSameValueRepeatedCountsOnce()
    {
        var engine = Engine(DistinctUsers);
        Assert.Empty(Feed(engine, [.. Enumerable.Range(0, 20).Select(i => Ev(i, "u1")), Ev(20, "u2"), Ev(21, "u2")]));
        Assert.Equal(3, Assert.Single(Feed(engine, Ev(22, "u3"))).Value);
    }

    [Fact]
    public void AValueSeenAgainStaysInTheWindowFromItsNewestEvent()
    {
        var engine = Engine(DistinctUsers);
        // u1 first seen at 0 s but again at 50 s: at 65 s it still counts, u2 (4 s) does not.
        Assert.Empty(Feed(engine, Ev(0, "u1"), Ev(4, "u2"), Ev(50, "u1")));
        Assert.Empty(Feed(engine, Ev(65, "u3")));
        Assert.Equal(3, Assert.Single(Feed(engine, Ev(66, "u4"))).Value);
    }

    [Fact]
    public void OutOfOrderValuesWithinTheLatenessCountWhileInsideTheWindow()
    {
        var rules = Rules("value_count", "10s", "field: user.name\n        gte: 3");
        var engine = Engine(rules, latenessSeconds: 30);
        // Window at 100 s is [90 s, 100 s]: u2 at 85 s is within the lateness but before the window.
        Assert.Empty(Feed(engine, Ev(100, "u1"), Ev(85, "u2"), Ev(95, "u3")));
        Assert.Equal(3, Assert.Single(Feed(engine, Ev(96, "u4"))).Value);

        engine = Engine(rules, latenessSeconds: 30);
        // u2 arrives late (91 s, behind u1 at 100 s) and must leave first: at 102 s the window is [92 s, 102 s].
        Assert.Empty(Feed(engine, Ev(100, "u1"), Ev(91, "u2"), Ev(102, "u3")));
        Assert.Equal(3, Assert.Single(Feed(engine, Ev(103, "u4"))).Value);

        engine = Engine(rules, latenessSeconds: 30);
        // A late repeat of u1 does not move its newest time back: u1 (100 s) still counts at 108 s.
        Assert.Empty(Feed(engine, Ev(100, "u1"), Ev(92, "u1"), Ev(108, "u2")));
        Assert.Equal(3, Assert.Single(Feed(engine, Ev(109, "u3"))).Value);
    }

    [Fact]
    public void SumDropsEventsLeavingTheWindowAndKeepsLateOnesInside()
    {
        var engine = Engine(Rules("value_sum", "10s", "field: bytes\n        gte: 100"), latenessSeconds: 30);
        // Window at 100 s is [90 s, 100 s]: 60 (at 100 s) + 30 (late, at 95 s); 50 at 80 s is outside.
        Assert.Empty(Feed(engine, Ev(80, "u", 50), Ev(100, "u", 60), Ev(95, "u", 30)));
        // At 106 s the window is [96 s, 106 s]: the late 30 at 95 s has left, so 60 + 39 = 99.
        Assert.Empty(Feed(engine, Ev(106, "u", 39)));
        Assert.Equal(100, Assert.Single(Feed(engine, Ev(106, "u", 1))).Value);
    }

    [Fact]
    public void OneHeldValueExpiresRepeatsAndMakesRoomForASecond()
    {
        var distinct = new DistinctValues();
        distinct.Observe("a", 10, 0, 100);
        distinct.Observe("a", 8, 0, 100);
        Assert.Equal(1, distinct.Count);

        // "a" keeps its newest time (10), so it is still in the window [10, 20] beside "b".
        distinct.Observe("b", 20, 10, 100);
        Assert.Equal(2, distinct.Count);
        distinct.Observe("c", 21, 11, 100);
        Assert.Equal(2, distinct.Count);

        var one = new DistinctValues();
        one.Observe("a", 10, 0, 100);
        one.Observe("b", 30, 15, 100);
        Assert.Equal(1, one.Count);

        // At a cap of one, a newer value replaces the held one; an older one is dropped.
        var capped = new DistinctValues();
        capped.Observe("a", 10, 0, 1);
        capped.Observe("b", 9, 0, 1);
        capped.Observe("b", 11, 0, 1);
        capped.Observe("a", 10, 0, 1);
        Assert.Equal(1, capped.Count);
        capped.Observe("c", 21, 11, 1);
        Assert.Equal(1, capped.Count);
    }

    [Fact]
    public void DistinctCountAgreesWithARecountOfTheWindowOnRandomStreams()
    {
        var random = new Random(20261122);
        for (var round = 0; round < 200; round++)
        {
            var span = random.Next(1, 50);
            var lateness = random.Next(0, 30);
            var max = random.Next(0, 4) == 0 ? 1_000_000 : random.Next(1, 40);
            var distinct = new DistinctValues();
            var seen = new List<(long Time, string Value)>();
            long newest = 0;
            for (var step = 0; step < 300; step++)
            {
                var ticks = Math.Max(0, newest + random.Next(-lateness, 4));
                var value = "v" + random.Next(0, random.Next(1, 60));
                newest = Math.Max(newest, ticks);
                var from = newest - span;
                distinct.Observe(value, ticks, from, max);
                seen.Add((ticks, value));

                // Naive model: newest time per value within the window; at the cap the values seen most recently.
                var newestPerValue = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var (t, v) in seen)
                {
                    if (t >= from)
                    {
                        newestPerValue[v] = Math.Max(newestPerValue.GetValueOrDefault(v, long.MinValue), t);
                    }
                }

                if (max >= 1_000_000)
                {
                    Assert.Equal(newestPerValue.Count, distinct.Count);
                }
                else
                {
                    Assert.Equal(Math.Min(max, newestPerValue.Count), distinct.Count);
                }
            }
        }
    }

    [Fact]
    public void CountAndSumAgreeWithARecountOfTheWindowOnRandomStreams()
    {
        var random = new Random(11222026);
        for (var round = 0; round < 200; round++)
        {
            var span = random.Next(1, 50);
            var lateness = random.Next(0, 30);
            var group = new GroupState { Numbers = new double[2], LastTicks = long.MinValue };
            var seen = new List<(long Time, double Number)>();
            long newest = 0;
            for (var step = 0; step < 300; step++)
            {
                var ticks = Math.Max(0, newest + random.Next(-lateness, 4));
                double number = random.Next(0, 1000);
                newest = Math.Max(newest, ticks);
                var from = newest - span;
                group.Add(ticks, number, null, from, int.MaxValue);
                seen.Add((ticks, number));

                var inWindow = seen.Where(e => e.Time >= from).ToList();
                Assert.Equal(inWindow.Count, group.Count);
                Assert.Equal(inWindow.Sum(e => e.Number), group.Sum);
            }
        }
    }
}
