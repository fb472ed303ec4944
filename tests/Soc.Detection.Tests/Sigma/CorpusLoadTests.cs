using Soc.Detection.Engine;
using Soc.Detection.Sigma;
using Soc.Detection.Tests.Support;

namespace Soc.Detection.Tests.Sigma;

public sealed class CorpusLoadTests
{
    internal static readonly string[] RuleFolders = ["rules", "rules-emerging-threats", "rules-threat-hunting", "rules-compliance", "rules-placeholder", "deprecated"];

    internal static RuleLoadResult LoadCorpus() =>
        SigmaRuleLoader.LoadPaths(RuleFolders.Select(f => RepoPaths.CorpusFile("sigma", f)));

    [Fact]
    public void LoadsAndCompilesEverySigmaHqRule()
    {
        var result = LoadCorpus();
        // The one failure is a deprecated rule written in the removed v1 aggregation syntax.
        var error = Assert.Single(result.Errors);
        Assert.EndsWith("deprecated/other/generic_brute_force.yml", error.File, StringComparison.Ordinal);
        Assert.Contains("obsolete v1 aggregation", error.Reason, StringComparison.Ordinal);
        Assert.Equal(3952, result.RuleDocuments);
        Assert.Equal(3951, result.Rules.Count);
        var engine = new DetectionEngine(result.Rules);
        Assert.Empty(engine.CompileErrors);
        Assert.Equal(3951, engine.RuleCount);
        Assert.True(engine.RoutedRules > 250, $"only {engine.RoutedRules} rules routed");
        Assert.Equal(engine.RuleCount, engine.RoutedRules + engine.UnroutedRules);
    }

    [Fact]
    public void KeepsTheAttributesTheAlertNeeds()
    {
        var rule = LoadCorpus().Rules.Single(r => r.Id == "ef0ff092-a24a-4fbc-beea-06c08d53e085");
        Assert.Equal("Cisco Dot1x Disabled", rule.Title);
        Assert.Equal("Luc Génaux", rule.Author);
        Assert.Equal("medium", rule.Level);
        Assert.Contains("attack.t1556.004", rule.Tags);
        Assert.Equal(3, rule.References.Count);
        Assert.Equal(new LogSource("cisco", null, "aaa"), rule.LogSource);
    }

    [Fact]
    public void RejectsEveryLegacyAggregationRuleWithAPointerToCorrelation()
    {
        var result = SigmaRuleLoader.LoadPaths([RepoPaths.CorpusFile("sigma", "unsupported")]);
        // Three of the 23 are plain v2 detections kept there for other reasons (fields no taxonomy has).
        Assert.Equal(23, result.RuleDocuments);
        Assert.Equal(3, result.Rules.Count);
        Assert.Equal(20, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Contains("correlation", e.Reason, StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.NotNull(e.Line));
    }
}
