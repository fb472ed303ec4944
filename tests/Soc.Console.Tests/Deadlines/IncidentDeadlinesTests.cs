using Microsoft.Extensions.Configuration;
using Soc.Console.Exports.Deadlines;
using Soc.Console.Storage;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Deadlines;

/// <summary>The deadlines of a stored incident and their state at exact instants, on a clock set by hand.</summary>
public sealed class IncidentDeadlinesTests
{
    // Friday 20/11/2026 10:15 in Vietnam.
    private static readonly DateTimeOffset Detected = new(2026, 11, 20, 10, 15, 0, TimeSpan.FromHours(7));
    private static readonly IReadOnlyList<DeadlineRuleSet> Legal = DeadlineCalculator.LoadRuleSets();

    [Theory]
    // high: acknowledge within 60 min, "near" in the last quarter (15 min).
    [InlineData(0, DeadlineState.Ok)]
    [InlineData(45 * 60 - 1, DeadlineState.Ok)]
    [InlineData(45 * 60, DeadlineState.Near)]
    [InlineData(60 * 60, DeadlineState.Near)]
    [InlineData(60 * 60 + 1, DeadlineState.Overdue)]
    public void AcknowledgeClockOfAHighIncidentAtItsBoundaries(int secondsAfterDetection, DeadlineState expected)
    {
        var clock = new ManualClock(Detected.AddSeconds(secondsAfterDetection));
        var deadlines = new IncidentDeadlines([OperationalRuleSet.From(new DeadlineOptions()), .. Legal], clock);

        var ack = deadlines.For(Incident("high")).Single(d => d.RuleSetId == OperationalRuleSet.Id && d.RuleId == OperationalRuleSet.Acknowledge);

        Assert.Equal(expected, ack.State);
        Assert.Equal(Detected.AddHours(1), ack.DueAt);
    }

    [Fact]
    public void AcknowledgingOnTheDueMinuteMeetsItAndAMinuteLaterMeetsItLate()
    {
        var clock = new ManualClock(Detected.AddDays(1));
        var deadlines = new IncidentDeadlines([OperationalRuleSet.From(new DeadlineOptions())], clock);

        var onTime = deadlines.For(Incident("critical") with { Status = "acknowledged", AcknowledgedAt = Detected.AddMinutes(15) });
        var late = deadlines.For(Incident("critical") with { Status = "acknowledged", AcknowledgedAt = Detected.AddMinutes(16) });

        Assert.Equal(DeadlineState.Met, onTime.Single(d => d.RuleId == OperationalRuleSet.Acknowledge).State);
        Assert.Equal(DeadlineState.MetLate, late.Single(d => d.RuleId == OperationalRuleSet.Acknowledge).State);
        Assert.Equal(DeadlineState.Overdue, late.Single(d => d.RuleId == OperationalRuleSet.Resolve).State);
    }

    [Fact]
    public void AHighIncidentGetsOperationalCircular20AndThe2026Deadlines()
    {
        var deadlines = new IncidentDeadlines([OperationalRuleSet.From(new DeadlineOptions()), .. Legal], new ManualClock(Detected.AddHours(19)));

        var all = deadlines.For(Incident("high"));

        Assert.Equal(
            ["decree-2026/initial-notice-24h", "decree-2026/report-72h", "operational/acknowledge", "operational/resolve", "tt20-2017/final-report", "tt20-2017/notify"],
            all.Select(d => d.RuleSetId + "/" + d.RuleId).Order(StringComparer.Ordinal));
        Assert.Equal(DeadlineState.Near, all.Single(d => d.RuleId == "initial-notice-24h").State);
        Assert.Equal(DeadlineState.NotStarted, all.Single(d => d.RuleId == "final-report").State);
        Assert.All(all, d => Assert.False(string.IsNullOrWhiteSpace(d.LegalSource)));
    }

    [Fact]
    public void MostUrgentPrefersOverdueOverNearAndIgnoresClosedIncidents()
    {
        var deadlines = new IncidentDeadlines([OperationalRuleSet.From(new DeadlineOptions()), .. Legal], new ManualClock(Detected.AddHours(19)));

        var urgent = deadlines.MostUrgent(Incident("high"));

        Assert.Equal((OperationalRuleSet.Id, OperationalRuleSet.Acknowledge, DeadlineState.Overdue), (urgent!.RuleSetId, urgent.RuleId, urgent.State));
        Assert.Null(deadlines.MostUrgent(Incident("high") with { Status = "closed", ClosedAt = Detected.AddHours(2) }));
    }

    [Fact]
    public void ConfigurationChangesOneTargetAndKeepsTheOthers()
    {
        var options = new DeadlineOptions();
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Soc:Deadlines:Operational:critical:AcknowledgeMinutes"] = "5",
                ["Soc:Deadlines:NearFraction"] = "0.5",
            })
            .Build().GetSection("Soc:Deadlines").Bind(options);
        var deadlines = new IncidentDeadlines([OperationalRuleSet.From(options)], new ManualClock(Detected.AddMinutes(3)));

        var critical = deadlines.For(Incident("critical"));

        Assert.Equal(Detected.AddMinutes(5), critical.Single(d => d.RuleId == OperationalRuleSet.Acknowledge).DueAt);
        Assert.Equal(DeadlineState.Near, critical.Single(d => d.RuleId == OperationalRuleSet.Acknowledge).State);
        Assert.Equal(Detected.AddHours(4), critical.Single(d => d.RuleId == OperationalRuleSet.Resolve).DueAt);
        Assert.Equal(Detected.AddHours(1), deadlines.For(Incident("high")).Single(d => d.RuleId == OperationalRuleSet.Acknowledge).DueAt);
    }

    private static Incident Incident(string severity) => new(
        7, "so-tttt", "rule-ssh-root", "SSH root", severity, "new", "web01", "203.0.113.9", Detected, Detected, 1, DetectedAt: Detected);
}
