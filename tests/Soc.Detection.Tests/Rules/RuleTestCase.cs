namespace Soc.Detection.Tests.Rules;

/// <summary>One case of a tests.yml: raw lines of one source type and, for correlations, the expected group-by values.</summary>
public sealed record RuleTestCase(string Name, string SourceType, IReadOnlyList<string> Lines, IReadOnlyDictionary<string, string> GroupBy);
