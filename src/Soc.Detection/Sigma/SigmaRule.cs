namespace Soc.Detection.Sigma;

/// <summary>
/// One loaded Sigma document: a detection rule, a correlation rule (<see cref="Correlation"/> set)
/// or a filter (<see cref="Filter"/> set). Every attribute of the document is kept.
/// </summary>
public sealed class SigmaRule
{
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>The optional <c>name</c> by which correlation rules may reference this rule.</summary>
    public string? Name { get; init; }
    public string? Status { get; init; }
    public string? Description { get; init; }
    public string Level { get; init; } = "medium";
    public string? Author { get; init; }
    public string? Date { get; init; }
    public string? Modified { get; init; }
    public string? License { get; init; }
    public string? Taxonomy { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> References { get; init; } = [];
    public IReadOnlyList<string> FalsePositives { get; init; } = [];
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary><c>related</c> entries as (id, type).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Related { get; init; } = [];
    public LogSource LogSource { get; init; } = new(null, null, null);

    /// <summary>The condition(s); several conditions are alternatives (OR). Empty for correlation rules.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];

    /// <summary>The first condition, kept for callers of the earlier API.</summary>
    public string Condition => Conditions.Count > 0 ? Conditions[0] : "";
    public IReadOnlyDictionary<string, Selection> Selections { get; init; } = new Dictionary<string, Selection>();

    /// <summary>Set when the document is a correlation rule.</summary>
    public SigmaCorrelation? Correlation { get; init; }

    /// <summary>Set when the document is a filter (its selections and conditions are the filter's).</summary>
    public SigmaFilter? Filter { get; init; }

    /// <summary>The file the rule came from, for error messages and the console.</summary>
    public string? SourcePath { get; init; }

    /// <summary>1-based line of the document's first key in <see cref="SourcePath"/>.</summary>
    public int Line { get; init; }
}
