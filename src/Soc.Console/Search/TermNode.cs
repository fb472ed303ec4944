namespace Soc.Console.Search;

/// <summary>
/// field:value, or free text when <paramref name="Field"/> is null. <paramref name="Phrase"/> for quoted
/// values (exact words in order). Unquoted values may use <c>*</c> as a wildcard.
/// Field values compare exactly (case-sensitive); free text matches words in the message, case-insensitively.
/// </summary>
public sealed record TermNode(string? Field, string Value, bool Phrase) : QueryNode
{
    public bool HasWildcard => !Phrase && Value.Contains('*', StringComparison.Ordinal);
}
