using Soc.Detection.Engine;
using Soc.Detection.Sigma;
using Soc.Detection.Tests.Support;

namespace Soc.Detection.Tests.Rules;

/// <summary>The pack is plain Sigma: it loads in one engine together with SigmaHQ's rules for the same log sources.</summary>
public sealed class SigmaHqCoexistenceTests
{
    [Fact]
    public void PackLoadsBesideSigmaHqRulesWithoutIdClashesOrErrorsOfItsOwn()
    {
        var sigma = RepoPaths.CorpusFile("sigma", "rules");
        var loaded = SigmaRuleLoader.LoadPaths([RepoPaths.Rules, Path.Combine(sigma, "linux"), Path.Combine(sigma, "web"), Path.Combine(sigma, "network")]);
        var ours = loaded.Rules.Where(IsOurs).ToList();
        Assert.Equal(PackRunner.Pack.Rules.Count, ours.Count);
        Assert.DoesNotContain(loaded.Errors, e => e.File.StartsWith(RepoPaths.Rules, StringComparison.Ordinal));
        var duplicates = loaded.Rules.GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        var engine = new DetectionEngine(loaded.Rules);
        Assert.DoesNotContain(engine.CompileErrors, e => e.File.StartsWith(RepoPaths.Rules, StringComparison.Ordinal));
    }

    private static bool IsOurs(SigmaRule rule) =>
        rule.SourcePath is not null && Path.GetFullPath(rule.SourcePath).StartsWith(RepoPaths.Rules, StringComparison.Ordinal);
}
