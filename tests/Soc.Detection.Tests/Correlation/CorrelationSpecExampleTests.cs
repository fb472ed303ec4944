using Soc.Detection.Compilation;
using Soc.Detection.Engine;
using Soc.Detection.Events;
using Soc.Detection.Sigma;
using Soc.Detection.Tests.Support;

namespace Soc.Detection.Tests.Correlation;

/// <summary>The 11 correlation documents of the specification, each driven by a hand-built event sequence.</summary>
public sealed class CorrelationSpecExampleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    internal static readonly LogSourceMap WindowsMap = LogSourceMap.Parse(
        "routes:\n  - logsource: {product: windows, service: security}\n    datasets: [windows.security]\n  - logsource: {product: windows, category: process_creation}\n    datasets: [windows.process]\n");

    private static string Spec(params string[] parts) => File.ReadAllText(RepoPaths.CorpusFile(["sigma", "sigma-specification", .. parts]));

    /// <summary>A base rule without logsource (sees every event) matching events whose <c>kind</c> is the given value.</summary>
    private static string Base(string key, string reference, string kind) =>
        $"title: base {reference}\n{key}: {reference}\ndetection:\n    sel:\n        kind: {kind}\n    condition: sel\n";

    private static DetectionEngine Engine(params string[] documents)
    {
        var result = SigmaRuleLoader.LoadText(string.Join("\n---\n", documents.Select(d => d.TrimEnd())));
        Assert.Empty(result.Errors);
        var engine = new DetectionEngine(result.Rules, new DetectionEngineOptions { Map = WindowsMap });
        Assert.Empty(engine.CompileErrors);
        return engine;
    }

    private static LogEvent Ev(int seconds, params (string, object?)[] fields)
    {
        var ev = RuleHarness.Event(fields);
        ev.Timestamp = T0.AddSeconds(seconds);
        return ev;
    }

    private static List<Alert> Feed(DetectionEngine engine, IEnumerable<LogEvent> events)
    {
        var alerts = new List<Alert>();
        foreach (var ev in events)
        {
            engine.Evaluate(ev, alerts);
        }

        return alerts;
    }

    [Fact]
    public void EventCountFiresAtTheHundredthEventOfAGroupWithinTheHour()
    {
        var engine = Engine(Spec("tests", "schema", "correlation", "event_count.yml"), Base("id", "5638f7c0-ac70-491d-8465-2a65075e0d86", "fail"));
        var alerts = Feed(engine, Enumerable.Range(0, 99).Select(i => Ev(i * 30, ("kind", "fail"), ("ComputerName", "pc1"))));
        alerts.AddRange(Feed(engine, Enumerable.Range(0, 150).Select(i => Ev(i, ("kind", "fail"), ("ComputerName", "pc" + (2 + (i % 2)))))));
        Assert.Empty(alerts);
        var alert = Assert.Single(Feed(engine, [Ev(99 * 30, ("kind", "fail"), ("ComputerName", "pc1"))]));
        Assert.Equal(("correlation", "event_count", 100), (alert.Kind, alert.CorrelationType, alert.EventCount));
        Assert.Equal("pc1", alert.GroupBy["ComputerName"]);
        Assert.Equal("Many failed logins", alert.RuleTitle);
    }

    [Fact]
    public void EventCountOnlyCountsEventsInsideTheTimespan()
    {
        var engine = Engine(Spec("tests", "schema", "correlation", "event_count_ecs.yml"), Base("id", "5638f7c0-ac70-491d-8465-2a65075e0d86", "dns"));
        // 100 events spread over 2 h: never 100 within one hour.
        Assert.Empty(Feed(engine, Enumerable.Range(0, 100).Select(i => Ev(i * 72, ("kind", "dns"), ("dns.question.name", "x.example")))));
        var burst = Feed(engine, Enumerable.Range(0, 100).Select(i => Ev(8000 + i, ("kind", "dns"), ("dns.question.name", "y.example"))));
        Assert.Equal("y.example", Assert.Single(burst).GroupBy["dns.question.name"]);
    }

    [Fact]
    public void ValueCountCountsDistinctUsersPerGroup()
    {
        var engine = Engine(Spec("tests", "schema", "correlation", "value_count.yml"), Base("id", "5638f7c0-ac70-491d-8465-2a65075e0d86", "logon"));
        Assert.Empty(Feed(engine, Enumerable.Range(0, 300).Select(i => Ev(i, ("kind", "logon"), ("ComputerName", "pc"), ("WorkstationName", "ws"), ("User", "u" + (i % 99))))));
        var alerts = Feed(engine, [Ev(400, ("kind", "logon"), ("ComputerName", "pc"), ("WorkstationName", "ws"), ("User", "new-user"))]);
        Assert.Equal(100, Assert.Single(alerts).Value);
    }

    [Fact]
    public void TemporalNeedsAllRulesOfTheSameGroupWithinTheTimespan()
    {
        var doc = Spec("tests", "schema", "correlation", "temporal.yml");
        string[] bases = [Base("name", "recon_cmd_a", "a"), Base("name", "recon_cmd_b", "b"), Base("name", "recon_cmd_c", "c")];
        (string, object?)[] G(string kind, string user) => [("kind", kind), ("ComputerName", "pc"), ("User", user)];

        Assert.Single(Feed(Engine([doc, .. bases]), [Ev(0, G("c", "u")), Ev(10, G("a", "u")), Ev(20, G("b", "u"))]));
        Assert.Empty(Feed(Engine([doc, .. bases]), [Ev(0, G("a", "u")), Ev(10, G("b", "u")), Ev(400, G("c", "u"))]));
        Assert.Empty(Feed(Engine([doc, .. bases]), [Ev(0, G("a", "u1")), Ev(10, G("b", "u2")), Ev(20, G("c", "u3"))]));
    }

    [Fact]
    public void TemporalOrderedNeedsTheRulesInOrder()
    {
        var doc = Spec("tests", "schema", "correlation", "temporal_ordered.yml");
        string[] bases = [Base("name", "recon_cmd_a", "a"), Base("name", "recon_cmd_b", "b"), Base("name", "recon_cmd_c", "c")];
        (string, object?)[] G(string kind) => [("kind", kind), ("ComputerName", "pc"), ("User", "u")];

        Assert.Single(Feed(Engine([doc, .. bases]), [Ev(0, G("a")), Ev(10, G("b")), Ev(20, G("c"))]));
        Assert.Empty(Feed(Engine([doc, .. bases]), [Ev(0, G("c")), Ev(10, G("b")), Ev(20, G("a"))]));
        Assert.Empty(Feed(Engine([doc, .. bases]), [Ev(0, G("a")), Ev(10, G("c")), Ev(20, G("b"))]));
        Assert.Single(Feed(Engine([doc, .. bases]), [Ev(0, G("b")), Ev(5, G("a")), Ev(10, G("b")), Ev(20, G("c"))]));
    }

    [Fact]
    public void ValueSumAddsBytesPerGroup()
    {
        var engine = Engine(Spec("tests", "schema", "correlation", "value_sum.yml"), Base("name", "website_access", "web"));
        (string, object?)[] G(long bytes) => [("kind", "web"), ("SourceIP", "10.0.0.1"), ("User", "u"), ("bytes_sent", bytes)];
        Assert.Empty(Feed(engine, [Ev(0, G(400_000)), Ev(10, G(400_000)), Ev(5000, G(400_000))]));
        var alert = Assert.Single(Feed(engine, [Ev(5010, G(700_000))]));
        Assert.Equal(1_100_000, alert.Value); // the two events of the first minutes fell out of the hour
    }

    [Fact]
    public void ValueAvgAveragesPerGroup()
    {
        var engine = Engine(Spec("tests", "schema", "correlation", "value_avg.yml"), Base("name", "rule_a_id", "net"));
        (string, object?)[] G(object bytes) => [("kind", "net"), ("SourceIP", "10.0.0.1"), ("User", "u"), ("BytesOut", bytes)];
        Assert.Empty(Feed(engine, [Ev(0, G(100L)), Ev(1, G("300"))]));
        Assert.Equal(700, Assert.Single(Feed(engine, [Ev(2, G(1700L))])).Value);
    }

    [Fact]
    public void ValuePercentileFlagsARareValueOfTheGroup()
    {
        var engine = Engine(Spec("tests", "schema", "correlation", "value_percentile.yml"), Base("name", "process_creation", "proc"));
        (string, object?)[] G(string image) => [("kind", "proc"), ("ComputerName", "pc"), ("Image", image)];
        Assert.Empty(Feed(engine, Enumerable.Range(0, 100).Select(i => Ev(i, G("common.exe")))));
        var alert = Assert.Single(Feed(engine, [Ev(200, G("rare.exe"))]));
        Assert.True(alert.Value <= 1);
    }

    [Fact]
    public void FailedLoginsFollowedBySuccessfulLoginChainsTwoCorrelations()
    {
        var text = Spec("extracted-from-spec", "correlation_failed_logins_followed_by_successful_login.yml");
        (string, object?)[] Fail(string user) => [("event.dataset", "windows.security"), ("EventID", 4625L), ("User", user)];
        (string, object?)[] Ok(string user) => [("event.dataset", "windows.security"), ("EventID", 4624L), ("User", user)];

        var engine = Engine(text);
        var events = Enumerable.Range(0, 10).Select(i => Ev(i * 10, Fail("alice"))).Append(Ev(200, Ok("alice")));
        var alert = Assert.Single(Feed(engine, events));
        Assert.Equal("b180ead8-d58f-40b2-ae54-c8940995b9b6", alert.RuleId);
        Assert.Equal("Florian Roth (Nextron Systems)", alert.Author);
        Assert.Equal("alice", alert.GroupBy["User"]);

        var nine = Engine(text);
        Assert.Empty(Feed(nine, Enumerable.Range(0, 9).Select(i => Ev(i * 10, Fail("alice"))).Append(Ev(200, Ok("alice")))));
        var otherUser = Engine(text);
        Assert.Empty(Feed(otherUser, Enumerable.Range(0, 10).Select(i => Ev(i * 10, Fail("alice"))).Append(Ev(200, Ok("bob")))));
    }

    [Fact]
    public void AliasesMapOneGroupKeyToDifferentFieldsPerRule()
    {
        var text = Spec("extracted-from-spec", "correlation_aliases_temporal_example.yml");
        (string, object?)[] Error(string internalIp, string remoteIp) => [("http.response.status_code", 500L), ("destination.ip", internalIp), ("source.ip", remoteIp)];
        (string, object?)[] Conn(string internalIp, string remoteIp) => [("event.category", "network"), ("event.type", "connection"), ("event.outcome", "success"), ("source.ip", internalIp), ("destination.ip", remoteIp)];

        var alert = Assert.Single(Feed(Engine(text), [Ev(0, Error("10.0.0.5", "203.0.113.9")), Ev(5, Conn("10.0.0.5", "203.0.113.9"))]));
        Assert.Equal("10.0.0.5", alert.GroupBy["internal_ip"]);
        Assert.Equal("203.0.113.9", alert.GroupBy["remote_ip"]);
        Assert.Empty(Feed(Engine(text), [Ev(0, Error("10.0.0.5", "203.0.113.9")), Ev(5, Conn("203.0.113.9", "10.0.0.5"))]));
        Assert.Empty(Feed(Engine(text), [Ev(0, Error("10.0.0.5", "203.0.113.9")), Ev(15, Conn("10.0.0.5", "203.0.113.9"))]));
    }
}
