using Soc.Console.Hosting;
using Soc.Detection.Engine;
using Soc.Detection.Sigma;

namespace Soc.Console.Pipeline;

/// <summary>
/// Holds the compiled rules. Loads the configured rule paths at start and again when a .yml file under
/// them changes (or on <see cref="Reload"/>), without a restart: the detect stage picks up the new engine
/// at its next batch. Rules that fail to load are logged, never fatal. A reload starts correlation state afresh.
/// </summary>
public sealed class RuleSetHolder : IDisposable
{
    private readonly ILogger<RuleSetHolder> _logger;
    private readonly List<string> _paths = [];
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _debounce;
    private volatile Loaded _loaded;

    public RuleSetHolder(CenterOptions options, ILogger<RuleSetHolder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        foreach (var path in options.EffectiveRulePaths())
        {
            if (File.Exists(path) || Directory.Exists(path))
            {
                _paths.Add(path);
            }
            else
            {
                logger.LogError("Rule path {Path} does not exist; no rules loaded from it", path);
            }
        }

        _loaded = Load();
        _debounce = new Timer(_ => Reload());
        foreach (var path in _paths)
        {
            if (Directory.Exists(path))
            {
                var watcher = new FileSystemWatcher(path, "*.yml") { IncludeSubdirectories = true, EnableRaisingEvents = true };
                // Editors write a file in several steps; reload once things settle.
                FileSystemEventHandler changed = (_, _) => _debounce.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
                watcher.Changed += changed;
                watcher.Created += changed;
                watcher.Deleted += changed;
                watcher.Renamed += (_, _) => _debounce.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
                _watchers.Add(watcher);
            }
        }
    }

    public IReadOnlyList<SigmaRule> Rules => _loaded.Rules;

    public IReadOnlyList<RuleLoadError> Errors => _loaded.Errors;

    public DetectionEngine Engine => _loaded.Engine;

    /// <summary>Loads the rule paths again and swaps the engine in one step.</summary>
    public void Reload() => _loaded = Load();

    public void Dispose()
    {
        _debounce.Dispose();
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }

    private Loaded Load()
    {
        var result = SigmaRuleLoader.LoadPaths(_paths);
        foreach (var error in result.Errors)
        {
            _logger.LogWarning("Rule not loaded: {Error}", error);
        }

        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation("Loaded {Loaded} of {Total} rules from {Paths}", result.Rules.Count, result.Rules.Count + result.Errors.Count, string.Join(", ", _paths));
        }

        return new Loaded(result.Rules, result.Errors, new DetectionEngine(result.Rules));
    }

    private sealed record Loaded(IReadOnlyList<SigmaRule> Rules, IReadOnlyList<RuleLoadError> Errors, DetectionEngine Engine);
}
