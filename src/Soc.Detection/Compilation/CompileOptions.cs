namespace Soc.Detection.Compilation;

/// <summary>What compilation needs beyond the rule: placeholder values and the keyword scope.</summary>
public sealed record CompileOptions(IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders, bool KeywordsSearchAllFields);
