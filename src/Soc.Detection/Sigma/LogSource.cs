namespace Soc.Detection.Sigma;

/// <summary>A rule's <c>logsource</c>: which kind of log it is written for.</summary>
public sealed record LogSource(string? Product, string? Category, string? Service);
