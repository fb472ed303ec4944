using Microsoft.Extensions.Logging;
using Soc.Console.Hosting;
using Soc.Detection.Engine;
using Soc.Detection.Sigma;

namespace Soc.Console.Pipeline;

/// <summary>Loads the configured rules into an engine at start; rules that fail to load are logged, never fatal.</summary>
public sealed class RuleSetHolder
{
    public RuleSetHolder(CenterOptions options, ILogger<RuleSetHolder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var paths = new List<string>();
        foreach (var path in options.EffectiveRulePaths())
        {
            if (File.Exists(path) || Directory.Exists(path))
            {
                paths.Add(path);
            }
            else
            {
                logger.LogError("Rule path {Path} does not exist; no rules loaded from it", path);
            }
        }

        var result = SigmaRuleLoader.LoadPaths(paths);
        foreach (var error in result.Errors)
        {
            logger.LogWarning("Rule not loaded: {Error}", error);
        }

        Rules = result.Rules;
        Engine = new DetectionEngine(result.Rules);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Loaded {Loaded} of {Total} rules from {Paths}", result.Rules.Count, result.Rules.Count + result.Errors.Count, string.Join(", ", paths));
        }
    }

    public IReadOnlyList<SigmaRule> Rules { get; }

    public DetectionEngine Engine { get; }
}
