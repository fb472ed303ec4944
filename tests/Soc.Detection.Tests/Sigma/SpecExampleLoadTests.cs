using Soc.Detection.Engine;
using Soc.Detection.Events;
using Soc.Detection.Sigma;
using Soc.Detection.Tests.Support;

namespace Soc.Detection.Tests.Sigma;

public sealed class SpecExampleLoadTests
{
    [Fact]
    public void LoadsEverySpecificationExample()
    {
        var result = SigmaRuleLoader.LoadPaths([RepoPaths.CorpusFile("sigma", "sigma-specification")]);
        Assert.Empty(result.Errors);
        Assert.Equal(11, result.Rules.Count(r => r.Correlation is not null));
        Assert.Equal(2, result.Rules.Count(r => r.Filter is not null));
        Assert.Equal(6, result.Rules.Count(r => r.Correlation is null && r.Filter is null));
        var types = result.Rules.Where(r => r.Correlation is not null).GroupBy(r => r.Correlation!.Type).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, types[CorrelationType.EventCount]);
        Assert.Equal(2, types[CorrelationType.Temporal]);
        Assert.Equal(2, types[CorrelationType.TemporalOrdered]);
        Assert.Equal(1, types[CorrelationType.ValuePercentile]);
    }

    [Fact]
    public void SpecRuleKeepsEveryAttributeAndMatchesWithItsOwnFieldNames()
    {
        var rule = SigmaRuleLoader.LoadPaths([RepoPaths.CorpusFile("sigma", "sigma-specification", "tests", "schema", "rules", "rule_1.yml")]).Rules.Single();
        Assert.Equal(("A Title", "SomeOne", "high", "test"), (rule.Title, rule.Author, rule.Level, rule.Status));
        Assert.Equal(new KeyValuePair<string, string>("6c82cf5c-090d-4d57-9188-533577631108", "similar"), Assert.Single(rule.Related));
        Assert.Equal(["attack.defense-evasion", "attack.t1211", "attack.t1562.001"], rule.Tags);
        Assert.Equal(new LogSource("windows", null, "application"), rule.LogSource);
        var map = Soc.Detection.Compilation.LogSourceMap.Parse("routes:\n  - logsource: {product: windows, service: application}\n    datasets: [windows.application]\n");
        var engine = new DetectionEngine([rule], new DetectionEngineOptions { Map = map });
        var alerts = new List<Alert>();
        engine.Evaluate(RuleHarness.Event((EcsFields.EventDataset, "windows.application"), ("Provider_Name", "application error")), alerts);
        Assert.Single(alerts);
        engine.Evaluate(RuleHarness.Event((EcsFields.EventDataset, "windows.application"), ("Provider_Name", "Application Hang")), alerts);
        Assert.Single(alerts);
    }

    [Fact]
    public void RuleCollectionsMergeGlobalAndRepeatDocuments()
    {
        const string yaml = """
            action: global
            title: Shared
            author: Ann
            logsource:
                product: linux
                service: auth
            ---
            id: c1
            detection:
                sel:
                    message|contains: 'Failed password'
                condition: sel
            ---
            action: repeat
            id: c2
            title: Repeated
            ---
            action: reset
            ---
            id: c3
            title: Alone
            detection:
                sel:
                    x: 1
                condition: sel
            """;
        var result = SigmaRuleLoader.LoadText(yaml);
        Assert.Empty(result.Errors);
        Assert.Equal(3, result.RuleDocuments);
        var c1 = result.Rules.Single(r => r.Id == "c1");
        var c2 = result.Rules.Single(r => r.Id == "c2");
        var c3 = result.Rules.Single(r => r.Id == "c3");
        Assert.Equal(("Shared", "Ann", "auth"), (c1.Title, c1.Author, c1.LogSource.Service));
        Assert.Equal(("Repeated", "Ann"), (c2.Title, c2.Author));
        Assert.Contains("Failed password", c2.Selections["sel"].Alternatives[0][0].Values);
        Assert.Null(c3.Author);
        Assert.Null(c3.LogSource.Product);
    }

    [Fact]
    public void AMalformedDocumentDoesNotStopTheOthers()
    {
        var result = SigmaRuleLoader.LoadText("title: a\ndetection:\n    sel:\n        x: 1\n    condition: sel\n---\ntitle: b\n---\ntitle: c\ndetection:\n    sel:\n        x|re|contains: 1\n    condition: sel\n---\ntitle: d\ndetection:\n    sel:\n        y: 2\n    condition: sel\n");
        Assert.Equal(4, result.RuleDocuments);
        Assert.Equal(["a", "d"], result.Rules.Select(r => r.Title));
        Assert.Equal([7, 12], result.Errors.Select(e => e.Line ?? 0));
    }
}
