using Soc.Detection.Engine;
using Soc.Detection.Sigma;
using Soc.Detection.Tests.Correlation;
using Soc.Detection.Tests.Support;

namespace Soc.Detection.Tests.Engine;

public sealed class FilterTests
{
    [Fact]
    public void SpecFilterExcludesAdministratorAccountsFromTheRulesItNames()
    {
        var filter = File.ReadAllText(RepoPaths.CorpusFile("sigma", "sigma-specification", "tests", "schema", "filter", "filter_1.yml"));
        const string named = "title: rar\nid: 6f3e2987-db24-4c78-a860-b4f4095a7095\nlogsource:\n    product: windows\n    category: process_creation\ndetection:\n    sel:\n        Image|endswith: '\\rar.exe'\n    condition: sel\n";
        const string other = "title: other\nid: 11111111-0000-0000-0000-000000000000\nlogsource:\n    product: windows\n    category: process_creation\ndetection:\n    sel:\n        Image|endswith: '\\rar.exe'\n    condition: sel\n";
        var result = SigmaRuleLoader.LoadText(filter + "\n---\n" + named + "---\n" + other);
        Assert.Empty(result.Errors);
        Assert.NotNull(result.Rules.Single(r => r.Filter is not null).Filter);
        var engine = new DetectionEngine(result.Rules, new DetectionEngineOptions { Map = CorrelationSpecExampleTests.WindowsMap });
        var alerts = new List<Alert>();
        engine.Evaluate(RuleHarness.Event(("event.dataset", "windows.process"), ("Image", "C:\\bin\\rar.exe"), ("User", "adm_joe")), alerts);
        Assert.Equal(["11111111-0000-0000-0000-000000000000"], alerts.Select(a => a.RuleId));
        alerts.Clear();
        engine.Evaluate(RuleHarness.Event(("event.dataset", "windows.process"), ("Image", "C:\\bin\\rar.exe"), ("User", "joe")), alerts);
        Assert.Equal(2, alerts.Count);
    }

    [Fact]
    public void LoadsBothSpecFilterExamples()
    {
        var result = SigmaRuleLoader.LoadPaths([RepoPaths.CorpusFile("sigma", "sigma-specification", "tests", "schema", "filter")]);
        Assert.Empty(result.Errors);
        Assert.All(result.Rules, r => Assert.Equal(2, r.Filter!.Rules.Count));
    }
}
