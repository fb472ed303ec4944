using Soc.Detection.Compilation;
using Soc.Detection.Correlation;

namespace Soc.Detection.Engine;

/// <summary>Options for <see cref="DetectionEngine"/>. Every property has a working default.</summary>
public sealed record DetectionEngineOptions
{
    /// <summary>
    /// A mapping file (same format as the embedded <c>Compilation/sigma-mapping.yml</c>) that replaces the
    /// built-in routes, field mappings and placeholders. Ignored when <see cref="Map"/> is set.
    /// </summary>
    public string? MappingFile { get; init; }

    /// <summary>An already parsed mapping (e.g. <see cref="LogSourceMap.Parse"/>); default: the embedded one.</summary>
    public LogSourceMap? Map { get; init; }

    /// <summary>Values for <c>expand</c> placeholders (<c>%name%</c> → values); merged over the mapping file's <c>placeholders</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Keywords search every string field instead of only <c>message</c> (slower; no candidate index for keyword rules).</summary>
    public bool KeywordsSearchAllFields { get; init; }

    /// <summary>Skip the candidate index (every routed rule is evaluated); for measurement and differential tests.</summary>
    public bool DisableCandidateIndex { get; init; }

    public CorrelationOptions Correlation { get; init; } = new();

    internal LogSourceMap ResolveMap() => Map ?? (MappingFile is null ? LogSourceMap.Default : LogSourceMap.Load(MappingFile));

    internal Dictionary<string, IReadOnlyList<string>> ResolvePlaceholders(LogSourceMap map)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(map.Placeholders, StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in Placeholders)
        {
            result[k] = v;
        }

        return result;
    }
}
