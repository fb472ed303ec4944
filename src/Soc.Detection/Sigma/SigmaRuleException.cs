namespace Soc.Detection.Sigma;

/// <summary>A rule violates the Sigma specification; carries the YAML line where known.</summary>
public sealed class SigmaRuleException(string message, int? line = null) : Exception(message)
{
    public int? Line { get; } = line;
}
