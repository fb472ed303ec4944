using BenchmarkDotNet.Attributes;
using Soc.Detection.Engine;
using Soc.Detection.Sigma;

namespace Soc.Benchmarks.Detection;

/// <summary>Load (YAML) + compile of all 3,952 corpus rule files.</summary>
[MemoryDiagnoser]
public class RuleLoadBenchmarks
{
    [Benchmark]
    public int LoadAndCompileCorpus()
    {
        var loaded = SigmaRuleLoader.LoadPaths(BenchCorpus.RulePaths());
        return new DetectionEngine(loaded.Rules).RoutedRules;
    }
}
