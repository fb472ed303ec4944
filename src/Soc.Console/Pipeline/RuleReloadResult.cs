namespace Soc.Console.Pipeline;

/// <summary>What a rule reload loaded.</summary>
public sealed record RuleReloadResult(int Rules, int Errors);
