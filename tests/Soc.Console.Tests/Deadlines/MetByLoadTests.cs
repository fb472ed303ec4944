using Soc.Console.Exports.Deadlines;

namespace Soc.Console.Tests.Deadlines;

/// <summary>The forms that meet a legal deadline (<c>metBy</c>) are data, checked against the loaded form templates at load.</summary>
public sealed class MetByLoadTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("soc-metby-").FullName;

    private string OverrideDir => Path.Combine(_dataDir, IncidentDeadlines.OverrideFolder);

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Fact]
    public void TheShippedRulesMapMau03ToTheInitialNotificationsAndMau04ToTheReports()
    {
        var deadlines = IncidentDeadlines.Load(_dataDir, new DeadlineOptions(), TimeProvider.System);

        string[] MetBy(string set, string rule) => [.. deadlines.RuleSets.Single(s => s.Id == set).Rules.Single(r => r.Id == rule).MetBy];
        Assert.Equal(["tt20-2017/mau-03"], MetBy("tt20-2017", "notify"));
        Assert.Equal(["tt20-2017/mau-04"], MetBy("tt20-2017", "final-report"));
        Assert.Equal(["tt20-2017/mau-03"], MetBy("decree-2026", "initial-notice-24h"));
        Assert.Equal(["tt20-2017/mau-04"], MetBy("decree-2026", "report-72h"));
    }

    [Fact]
    public void RefusesARuleMetByAnUnknownFormNamingTheFileAndTheField()
    {
        Directory.CreateDirectory(OverrideDir);
        var path = Path.Combine(OverrideDir, "decree-2027.json");
        File.WriteAllText(path, """
            {
              "id": "decree-2027", "version": 1, "title": "t", "legalSource": "s", "status": "draft",
              "effectiveFrom": "2027-01-01T00:00:00+07:00",
              "rules": [
                { "id": "notice", "label": "n", "legalSource": "s", "start": "detected", "duration": 24, "unit": "hours",
                  "milestone": "initialReport", "metBy": [ "tt20-2017/mau-03", "nd-2027/mau-01" ] }
              ]
            }
            """);

        var error = Assert.Throws<InvalidDataException>(() => IncidentDeadlines.Load(_dataDir, new DeadlineOptions(), TimeProvider.System));

        Assert.Contains(path + ": field rules[0].metBy: unknown form template 'nd-2027/mau-01'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'tt20-2017/mau-03'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEarliestOfAnIssuedFormAndAMilestoneRecordedByHandMeetsTheDeadline()
    {
        var rule = new DeadlineRule
        {
            Id = "notify",
            Label = "n",
            LegalSource = "s",
            Start = DeadlineStart.Detected,
            Duration = 5,
            Unit = DeadlineUnit.CalendarDays,
            Milestone = "initialReport",
            MetBy = ["tt20-2017/mau-03"],
        };
        var detected = new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
        var clock = new IncidentClock
        {
            DetectedAt = detected,
            Severity = "low",
            Milestones = new Dictionary<string, DateTimeOffset> { ["initialReport"] = detected.AddDays(2) },
            FormsIssued = new Dictionary<string, DateTimeOffset> { ["tt20-2017/mau-03"] = detected.AddDays(1), ["tt20-2017/mau-04"] = detected.AddHours(1) },
        };

        Assert.Equal(detected.AddDays(1), DeadlineCalculator.FulfilledAt(rule, clock));
        Assert.Null(DeadlineCalculator.FulfilledAt(rule with { MetBy = [] }, clock with { Milestones = new Dictionary<string, DateTimeOffset>() }));
    }
}
