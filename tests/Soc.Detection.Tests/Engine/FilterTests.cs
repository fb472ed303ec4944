using Soc.Detection.Engine;
using Soc.Detection.Sigma;
using Soc.Detection.Tests.Correlation;
using Soc.Detection.Tests.Support;

namespace Soc.Detection.Tests.Engine;

/// <summary>Filters follow pySigma: the filter's condition is ANDed to the named rules as written.</summary>
public sealed class FilterTests
{
    private const string Named = "title: rar\nid: 6f3e2987-db24-4c78-a860-b4f4095a7095\nlogsource:\n    product: windows\n    category: process_creation\ndetection:\n    sel:\n        Image|endswith: '\\rar.exe'\n    condition: sel\n";
    private const string Other = "title: other\nid: 11111111-0000-0000-0000-000000000000\nlogsource:\n    product: windows\n    category: process_creation\ndetection:\n    sel:\n        Image|endswith: '\\rar.exe'\n    condition: sel\n";

    private static List<string> Run(string filter, string user)
    {
        var result = SigmaRuleLoader.LoadText(filter + "\n---\n" + Named + "---\n" + Other);
        Assert.Empty(result.Errors);
        var engine = new DetectionEngine(result.Rules, new DetectionEngineOptions { Map = CorrelationSpecExampleTests.WindowsMap });
        var alerts = new List<Alert>();
        engine.Evaluate(RuleHarness.Event(("event.dataset", "windows.process"), ("Image", "C:\\bin\\rar.exe"), ("User", user)), alerts);
        return [.. alerts.Select(a => a.RuleId).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void SpecFilterConditionIsAndedToTheRulesItNamesOnly()
    {
        var filter = File.ReadAllText(RepoPaths.CorpusFile("sigma", "sigma-specification", "tests", "schema", "filter", "filter_1.yml"));
        Assert.Equal(["11111111-0000-0000-0000-000000000000", "6f3e2987-db24-4c78-a860-b4f4095a7095"], Run(filter, "adm_joe"));
        Assert.Equal(["11111111-0000-0000-0000-000000000000"], Run(filter, "joe"));
    }

    [Fact]
    public void ANegatedFilterExcludesEvents()
    {
        var filter = File.ReadAllText(RepoPaths.CorpusFile("sigma", "sigma-specification", "tests", "schema", "filter", "filter_1.yml"))
            .Replace("condition: selection", "condition: not selection", StringComparison.Ordinal);
        Assert.Equal(["11111111-0000-0000-0000-000000000000"], Run(filter, "adm_joe"));
        Assert.Equal(2, Run(filter, "joe").Count);
    }

    [Fact]
    public void FilterWithAnyAppliesToEveryRuleOfItsLogsource()
    {
        const string filter = "title: f\nlogsource:\n    product: windows\nfilter:\n    rules: any\n    sel:\n        User: svc_backup\n    condition: not sel\n";
        Assert.Empty(Run(filter, "svc_backup"));
        Assert.Equal(2, Run(filter, "joe").Count);
    }

    [Fact]
    public void FilterForAnotherLogsourceDoesNotApply()
    {
        const string filter = "title: f\nlogsource:\n    product: linux\nfilter:\n    rules: any\n    sel:\n        User: svc_backup\n    condition: not sel\n";
        Assert.Equal(2, Run(filter, "svc_backup").Count);
    }

    [Fact]
    public void LoadsBothSpecFilterExamples()
    {
        var result = SigmaRuleLoader.LoadPaths([RepoPaths.CorpusFile("sigma", "sigma-specification", "tests", "schema", "filter")]);
        Assert.Empty(result.Errors);
        Assert.All(result.Rules, r => Assert.Equal(2, r.Filter!.Rules.Count));
    }
}
