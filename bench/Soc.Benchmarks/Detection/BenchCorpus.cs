using Soc.Detection.Compilation;
using Soc.Detection.Sigma;

namespace Soc.Benchmarks.Detection;

/// <summary>Finds the shared Sigma corpus (../shared/corpus beside the repository, or SOC_CORPUS) and loads it once.</summary>
public static class BenchCorpus
{
    private static readonly string[] Folders = ["rules", "rules-emerging-threats", "rules-threat-hunting", "rules-compliance", "rules-placeholder", "deprecated"];

    private static readonly Lazy<IReadOnlyList<SigmaRule>> AllRules = new(() => SigmaRuleLoader.LoadPaths(RulePaths()).Rules);

    public static IReadOnlyList<SigmaRule> All => AllRules.Value;

    /// <summary>Only the rules whose logsource fits a Soc dataset.</summary>
    public static IReadOnlyList<SigmaRule> Fitting => [.. All.Where(r => LogSourceMap.Default.RoutesFor(r.LogSource).Count > 0)];

    public static IEnumerable<string> RulePaths() => Folders.Select(f => Path.Combine(SigmaFolder(), f));

    public static string SigmaFolder()
    {
        if (Environment.GetEnvironmentVariable("SOC_CORPUS") is { Length: > 0 } env)
        {
            return Path.Combine(env, "sigma");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Soc.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus", "sigma"));
            }
        }

        throw new InvalidOperationException("Soc.sln not found; set SOC_CORPUS");
    }
}
