using Soc.Console.Exports.Deadlines;

namespace Soc.Console.Tests.Exports;

public sealed class DeadlineTests
{
    private static readonly IReadOnlyList<DeadlineRuleSet> Sets = DeadlineCalculator.LoadRuleSets();
    private static readonly DeadlineRuleSet Tt20 = Sets.Single(s => s.Id == "tt20-2017");
    private static readonly DeadlineRuleSet Decree = Sets.Single(s => s.Id == "decree-2026");

    // Friday 20/11/2026 10:15 in Vietnam.
    private static readonly DateTimeOffset Detected = new(2026, 11, 20, 10, 15, 0, TimeSpan.FromHours(7));

    [Fact]
    public void EveryShippedRuleNamesItsLegalSource()
    {
        Assert.All(Sets.SelectMany(s => s.Rules), r => Assert.False(string.IsNullOrWhiteSpace(r.LegalSource)));
        Assert.Equal("reported, not confirmed from the official gazette", Decree.Status);
    }

    [Fact]
    public void Circular20NotificationIsDueFiveDaysAfterDiscovery()
    {
        var clock = Clock();

        Assert.Equal(DeadlineState.Ok, State(Tt20, clock, Detected.AddDays(3), "notify"));
        Assert.Equal(DeadlineState.Near, State(Tt20, clock, Detected.AddDays(4).AddHours(1), "notify"));
        Assert.Equal(DeadlineState.Overdue, State(Tt20, clock, Detected.AddDays(5).AddMinutes(1), "notify"));
        var status = DeadlineCalculator.Evaluate(Tt20, clock, Detected).Single(s => s.RuleId == "notify");
        Assert.Equal(Detected.AddDays(5), status.DueAt);
        Assert.Equal(TimeSpan.FromDays(5), status.Remaining);
    }

    [Fact]
    public void FinalReportClockStartsWhenTheResponseEnds()
    {
        Assert.Equal(DeadlineState.NotStarted, State(Tt20, Clock(), Detected.AddDays(30), "final-report"));

        var ended = Clock() with { ResponseEndedAt = Detected.AddDays(2) };
        Assert.Equal(DeadlineState.Ok, State(Tt20, ended, Detected.AddDays(3), "final-report"));
        Assert.Equal(DeadlineState.Overdue, State(Tt20, ended, Detected.AddDays(7).AddSeconds(1), "final-report"));
    }

    [Fact]
    public void MilestonesMeetOrMeetLate()
    {
        var onTime = Clock(("initialReport", Detected.AddDays(1)));
        var late = Clock(("initialReport", Detected.AddDays(6)));

        Assert.Equal(DeadlineState.Met, State(Tt20, onTime, Detected.AddDays(10), "notify"));
        Assert.Equal(DeadlineState.MetLate, State(Tt20, late, Detected.AddDays(10), "notify"));
        Assert.Null(DeadlineCalculator.Evaluate(Tt20, onTime, Detected.AddDays(10)).Single(s => s.RuleId == "notify").Remaining);
    }

    [Fact]
    public void DecreeRulesApplyToSeriousIncidentsOnly()
    {
        var serious = Clock();
        var minor = Clock() with { Severity = "medium" };

        Assert.Equal(DeadlineState.Near, State(Decree, serious, Detected.AddHours(19), "initial-notice-24h"));
        Assert.Equal(DeadlineState.Overdue, State(Decree, serious, Detected.AddHours(25), "initial-notice-24h"));
        Assert.Equal(DeadlineState.Ok, State(Decree, serious, Detected.AddHours(25), "report-72h"));
        Assert.DoesNotContain(DeadlineCalculator.Evaluate(Decree, minor, Detected), s => s.RuleId is "initial-notice-24h" or "report-72h");
        Assert.DoesNotContain(DeadlineCalculator.Evaluate(Decree, serious, Detected), s => s.RuleId == "personal-data-72h");
        var breach = minor with { Flags = new HashSet<string> { "personal-data-breach" } };
        Assert.Equal(Detected.AddHours(72), DeadlineCalculator.Evaluate(Decree, breach, Detected).Single().DueAt);
    }

    [Fact]
    public void RuleSetsApplyByDetectionDate()
    {
        var before = DeadlineCalculator.Evaluate(Sets, Clock() with { DetectedAt = new DateTimeOffset(2026, 6, 30, 23, 0, 0, TimeSpan.FromHours(7)) }, Detected);
        var after = DeadlineCalculator.Evaluate(Sets, Clock(), Detected);

        Assert.DoesNotContain(before, s => s.RuleSetId == "decree-2026");
        Assert.Contains(after, s => s.RuleSetId == "decree-2026");
        Assert.Contains(after, s => s.RuleSetId == "tt20-2017");
    }

    [Fact]
    public void WorkingDaysSkipTheWeekend()
    {
        var rule = Tt20.Rules[0] with { Unit = DeadlineUnit.WorkingDays };

        // Friday + 5 working days = the next Friday, same time.
        Assert.Equal(Detected.AddDays(7), DeadlineCalculator.Due(Detected, rule));
    }

    private static IncidentClock Clock(params (string Name, DateTimeOffset At)[] milestones) => new()
    {
        DetectedAt = Detected,
        Severity = "high",
        Milestones = milestones.ToDictionary(m => m.Name, m => m.At),
    };

    private static DeadlineState State(DeadlineRuleSet set, IncidentClock clock, DateTimeOffset now, string rule) =>
        DeadlineCalculator.Evaluate(set, clock, now).Single(s => s.RuleId == rule).State;
}
