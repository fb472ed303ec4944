using Soc.Detection.Engine;
using Soc.Detection.Events;
using Soc.Detection.Sigma;
using Soc.Detection.Tests.Support;

namespace Soc.Detection.Tests.Rules;

/// <summary>The rule pack in rules/: every rule loads, carries the metadata Soc requires, and passes its own tests.yml.</summary>
public sealed class RulePackTests
{
    private static readonly string[] NationalCategories =
    [
        "denial-of-service", "phishing", "malware", "unauthorised-access", "defacement", "ransomware", "data-destruction",
        "data-theft", "combined", "other",
    ];

    public static TheoryData<string> RuleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Rules, "*.yml", SearchOption.AllDirectories)
                     .Where(f => !f.EndsWith(".tests.yml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Rules, file));
        }

        return data;
    }

    [Fact]
    public void EveryRuleLoadsCompilesAndRoutesWithoutErrors()
    {
        var pack = PackRunner.Pack;
        Assert.True(pack.Errors.Count == 0, string.Join("\n", pack.Errors));
        Assert.True(pack.Rules.Count >= 40, $"only {pack.Rules.Count} rules");
        var engine = new DetectionEngine(pack.Rules);
        Assert.True(engine.CompileErrors.Count == 0, string.Join("\n", engine.CompileErrors));
        Assert.Equal(0, engine.UnroutedRules);

        // Every regex must run on the linear-time engine: a web rule sees attacker-controlled text.
        Assert.True(engine.Warnings.Count == 0, string.Join("\n", engine.Warnings));
    }

    [Fact]
    public void RuleIdsAreUniqueUuids()
    {
        var ids = PackRunner.Pack.Rules.Select(r => r.Id).ToList();
        Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _), id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void RuleCarriesRequiredMetadata(string file)
    {
        foreach (var rule in RulesOf(file))
        {
            Assert.Equal("Soc project", rule.Author);
            Assert.False(string.IsNullOrWhiteSpace(rule.Title));
            Assert.False(string.IsNullOrWhiteSpace(rule.Description));
            Assert.False(string.IsNullOrWhiteSpace(rule.Date));
            Assert.Contains(rule.Level, (string[])["informational", "low", "medium", "high", "critical"]);
            Assert.NotEmpty(rule.FalsePositives);
            Assert.Contains(rule.Tags, t => t.StartsWith("attack.t", StringComparison.Ordinal));
            var categories = rule.Tags.Where(t => t.StartsWith("soc.category.", StringComparison.Ordinal)).ToList();
            Assert.Single(categories);
            Assert.Contains(categories[0]["soc.category.".Length..], NationalCategories);
        }
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void RulePassesItsTestEvents(string file)
    {
        var testsPath = Path.Combine(RepoPaths.Rules, Path.ChangeExtension(file, ".tests.yml"));
        Assert.True(File.Exists(testsPath), "missing " + testsPath);
        var tests = RuleTestFile.Load(testsPath);
        var rule = Assert.Single(RulesOf(file), r => r.Id == tests.RuleId);
        Assert.NotEmpty(tests.Positives);
        Assert.NotEmpty(tests.Negatives);
        if (rule.Correlation is not null)
        {
            RunCorrelation(rule, tests);
        }
        else
        {
            RunDetection(rule, tests);
        }
    }

    private static void RunDetection(SigmaRule rule, RuleTestFile tests)
    {
        // The rule alone: inside the full pack a correlation may keep it silent (generate: false).
        var engine = new DetectionEngine([rule]);
        foreach (var (c, expected) in tests.Positives.Select(c => (c, true)).Concat(tests.Negatives.Select(c => (c, false))))
        {
            foreach (var line in c.Lines)
            {
                var ev = PackRunner.Normalize(c.SourceType, line, tests.TimeZone);
                Assert.False(IsParseFailure(ev), $"{tests.Path} {c.Name}: the {c.SourceType} parser could not read: {line}");
                var alerts = new List<Alert>();
                engine.Evaluate(ev, alerts);
                var fired = alerts.Any(a => a.RuleId == rule.Id);
                Assert.True(fired == expected, $"{tests.Path} {c.Name}: expected {(expected ? "a match" : "no match")} for: {line}");
            }
        }
    }

    private static void RunCorrelation(SigmaRule rule, RuleTestFile tests)
    {
        foreach (var (c, expected) in tests.Positives.Select(c => (c, true)).Concat(tests.Negatives.Select(c => (c, false))))
        {
            // A fresh engine per case: correlation state must not leak between cases.
            var engine = new DetectionEngine(PackRunner.Pack.Rules);
            var alerts = PackRunner.Run(engine, c.SourceType, c.Lines, tests.TimeZone).Where(a => a.RuleId == rule.Id).ToList();
            Assert.True(alerts.Count > 0 == expected, $"{tests.Path} {c.Name}: expected the correlation {(expected ? "to fire" : "not to fire")}, got {alerts.Count} alerts");
            foreach (var (field, value) in c.GroupBy)
            {
                Assert.Contains(alerts, a => a.GroupBy.TryGetValue(field, out var v) && v == value);
            }
        }
    }

    private static bool IsParseFailure(LogEvent ev) =>
        ev[EcsFields.Tags] is IEnumerable<object?> tags ? tags.Any(t => t as string == EcsFields.ParseFailureTag) : ev.GetString(EcsFields.Tags) == EcsFields.ParseFailureTag;

    private static List<SigmaRule> RulesOf(string file)
    {
        var full = Path.GetFullPath(Path.Combine(RepoPaths.Rules, file));
        var rules = PackRunner.Pack.Rules.Where(r => r.SourcePath is not null && Path.GetFullPath(r.SourcePath) == full).ToList();
        Assert.NotEmpty(rules);
        return rules;
    }
}
