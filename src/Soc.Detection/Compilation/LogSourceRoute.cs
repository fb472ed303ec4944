namespace Soc.Detection.Compilation;

/// <summary>One route of the mapping file: a Sigma logsource, the datasets it covers, extra event tests and field names.</summary>
public sealed record LogSourceRoute(
    string? Product,
    string? Category,
    string? Service,
    IReadOnlyList<string> Datasets,
    IReadOnlyDictionary<string, string> Where,
    IReadOnlyDictionary<string, string[]> Fields,
    string? FallbackPrefix)
{
    /// <summary>Soc field names for a Sigma field under this route.</summary>
    public string[] Map(string sigmaField)
    {
        ArgumentNullException.ThrowIfNull(sigmaField);
        if (Fields.TryGetValue(sigmaField, out var mapped))
        {
            return mapped;
        }

        if (FallbackPrefix is not null && !sigmaField.Contains('.', StringComparison.Ordinal))
        {
            return [FallbackPrefix + sigmaField.ToLowerInvariant()];
        }

        return [sigmaField];
    }
}
