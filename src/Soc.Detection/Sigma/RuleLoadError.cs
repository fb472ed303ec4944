namespace Soc.Detection.Sigma;

/// <summary>Why one rule did not load: the file, the line (when known) and the reason.</summary>
public sealed record RuleLoadError(string File, int? Line, string Reason)
{
    public override string ToString() => Line is null ? $"{File}: {Reason}" : $"{File}:{Line}: {Reason}";
}

/// <summary>What a load produced: the rules that loaded and one error per rule that did not.</summary>
public sealed record RuleLoadResult(IReadOnlyList<SigmaRule> Rules, IReadOnlyList<RuleLoadError> Errors, int RuleDocuments);
