using Soc.Console.Exports.Deadlines;
using Soc.Console.Hosting;

namespace Soc.Console.Tests.Deadlines;

/// <summary>Rule sets from the shipped folder, replaced or added to by files in the data folder, refused when broken.</summary>
public sealed class DeadlineRuleSetLoaderTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "soc-deadlines-" + Guid.NewGuid().ToString("N"));

    private string OverrideDir => Path.Combine(_dataDir, IncidentDeadlines.OverrideFolder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    [Fact]
    public void AFileInTheDataFolderReplacesTheShippedSetOfTheSameId()
    {
        var shipped = File.ReadAllText(Path.Combine(DeadlineCalculator.DefaultDirectory, "tt20-2017.v1.json"));
        Directory.CreateDirectory(OverrideDir);
        // The agency's legal office reads "05 ngày" as working days.
        File.WriteAllText(Path.Combine(OverrideDir, "tt20-2017.json"), shipped.Replace("\"calendarDays\"", "\"workingDays\"", StringComparison.Ordinal));

        var deadlines = IncidentDeadlines.Load(_dataDir, new DeadlineOptions(), TimeProvider.System);

        var tt20 = Assert.Single(deadlines.RuleSets, s => s.Id == "tt20-2017");
        Assert.All(tt20.Rules, r => Assert.Equal(DeadlineUnit.WorkingDays, r.Unit));
        Assert.Contains(deadlines.RuleSets, s => s.Id == "decree-2026");
        Assert.Contains(deadlines.RuleSets, s => s.Id == OperationalRuleSet.Id);
    }

    [Fact]
    public void AFileWithANewIdAddsARuleSet()
    {
        Directory.CreateDirectory(OverrideDir);
        File.WriteAllText(Path.Combine(OverrideDir, "local.json"), Set("""{ "id": "local-48h", "label": "Báo cáo UBND tỉnh", "legalSource": "Quyết định của UBND tỉnh", "start": "detected", "duration": 48, "unit": "hours", "milestone": "provinceReport" }"""));

        var deadlines = IncidentDeadlines.Load(_dataDir, new DeadlineOptions(), TimeProvider.System);

        Assert.Equal(48, Assert.Single(Assert.Single(deadlines.RuleSets, s => s.Id == "local").Rules).Duration);
    }

    [Fact]
    public void RefusesAnUnknownUnitNamingTheFileTheLineAndTheField()
    {
        Directory.CreateDirectory(OverrideDir);
        var path = Path.Combine(OverrideDir, "bad.json");
        File.WriteAllText(path, Set("""
            {
              "id": "x", "label": "x", "legalSource": "x", "start": "detected", "duration": 2,
              "unit": "weeks",
              "milestone": "m"
            }
            """));

        var error = Assert.Throws<InvalidDataException>(() => IncidentDeadlines.Load(_dataDir, new DeadlineOptions(), TimeProvider.System));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 7", error.Message, StringComparison.Ordinal);
        Assert.Contains("field rules[0].unit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesEveryBadValueAtOnceNamingEachField()
    {
        Directory.CreateDirectory(OverrideDir);
        File.WriteAllText(Path.Combine(OverrideDir, "bad.json"), Set(
            """{ "id": "a", "label": "a", "legalSource": "", "start": "detected", "duration": 0, "unit": "hours", "milestone": "m" }""",
            """{ "id": "a", "label": "b", "legalSource": "b", "start": "detected", "duration": 5, "unit": "hours", "severities": [ "urgent" ], "milestone": "m" }"""));

        var error = Assert.Throws<InvalidDataException>(() => IncidentDeadlines.Load(_dataDir, new DeadlineOptions(), TimeProvider.System));

        Assert.Contains("field rules[0].duration: must be positive, not 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("field rules[0].legalSource", error.Message, StringComparison.Ordinal);
        Assert.Contains("field rules[1].id: 'a' is empty or used twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("field rules[1].severities: unknown severity 'urgent'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCenterDoesNotStartWithABrokenRuleSetFile()
    {
        Directory.CreateDirectory(OverrideDir);
        File.WriteAllText(Path.Combine(OverrideDir, "broken.json"), "{ \"id\": \"x\", ");

        var error = Assert.Throws<InvalidDataException>(() => CenterHost.Build(new CenterOptions { DataDir = _dataDir, Urls = "http://127.0.0.1:0" }));

        Assert.Contains("broken.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAnOperationalTargetForAnUnknownSeverity()
    {
        var options = new DeadlineOptions();
        options.Operational["urgent"] = new OperationalTarget { AcknowledgeMinutes = 5, ResolveMinutes = 60 };

        var error = Assert.Throws<InvalidDataException>(() => OperationalRuleSet.From(options));

        Assert.Contains("Soc:Deadlines:Operational:urgent: unknown severity", error.Message, StringComparison.Ordinal);
    }

    private static string Set(params string[] rules) => $$"""
        {
          "id": "local", "version": 1, "title": "t", "legalSource": "Quyết định của UBND tỉnh", "status": "in force",
          "effectiveFrom": "2020-01-01T00:00:00+07:00",
          "rules": [
            {{string.Join(",\n", rules)}}
          ]
        }
        """;
}
