namespace Soc.Detection.Sigma;

/// <summary>The <c>correlation</c> section of a correlation rule (Sigma correlation specification v2.1.0).</summary>
public sealed class SigmaCorrelation
{
    public required CorrelationType Type { get; init; }

    /// <summary>Referenced rules, by id or name.</summary>
    public required IReadOnlyList<string> Rules { get; init; }
    public IReadOnlyList<string> GroupBy { get; init; } = [];
    public required TimeSpan Timespan { get; init; }

    /// <summary>Comparisons that must all hold (empty for temporal types).</summary>
    public IReadOnlyList<CorrelationCondition> Conditions { get; init; } = [];

    /// <summary>The field that value_* types aggregate.</summary>
    public string? ConditionField { get; init; }

    /// <summary>alias name → (referenced rule id or name → field).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Aliases { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>When true, the referenced rules also raise their own alerts.</summary>
    public bool Generate { get; init; }
}
