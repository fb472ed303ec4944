namespace Soc.Detection.Sigma;

/// <summary>A loaded Sigma rule: every attribute of the rule file, plus its parsed detection.</summary>
public sealed class SigmaRule
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Status { get; init; }
    public string? Description { get; init; }
    public string Level { get; init; } = "medium";
    public string? Author { get; init; }
    public string? Date { get; init; }
    public string? Modified { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> References { get; init; } = [];
    public IReadOnlyList<string> FalsePositives { get; init; } = [];
    public IReadOnlyList<string> Fields { get; init; } = [];
    public LogSource LogSource { get; init; } = new(null, null, null);
    public required string Condition { get; init; }
    public required IReadOnlyDictionary<string, Selection> Selections { get; init; }

    /// <summary>The file the rule came from, for error messages and the console.</summary>
    public string? SourcePath { get; init; }
}

public sealed record LogSource(string? Product, string? Category, string? Service);
