namespace Soc.Console.Hosting;

/// <summary>How the center runs: where its data lives, where it listens, which rules it loads.</summary>
public sealed class CenterOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Folder for the SQLite store and other state; created when absent.</summary>
    public string DataDir { get; set; } = "data";

    public string Urls { get; set; } = DefaultUrl;

    /// <summary>Rule files or folders; the project's own <c>rules/</c> when none are given.</summary>
    public List<string> RulePaths { get; set; } = [];

    /// <summary>Feed sample logs through the real pipeline so a newcomer sees incidents at once.</summary>
    public bool Demo { get; set; }

    /// <summary>How far back an open incident of the same rule and entity absorbs a new alert.</summary>
    public int IncidentLookbackHours { get; set; } = 24;

    public string DatabasePath => Path.Combine(DataDir, "soc.db");

    /// <summary>Rule paths to load: the given ones, else <c>./rules</c>, else the rules shipped beside the binary.</summary>
    public IReadOnlyList<string> EffectiveRulePaths()
    {
        if (RulePaths.Count > 0)
        {
            return RulePaths;
        }

        return Directory.Exists("rules") ? ["rules"] : [Path.Combine(AppContext.BaseDirectory, "rules")];
    }
}
