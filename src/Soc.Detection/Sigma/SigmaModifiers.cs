namespace Soc.Detection.Sigma;

/// <summary>The value modifiers of the Sigma specification v2.1.0 appendix; anything else fails the rule at load.</summary>
public static class SigmaModifiers
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "contains", "startswith", "endswith", "all", "exists", "cased", "neq", "windash",
        "re", "i", "m", "s", "ignorecase", "multiline", "dotall",
        "base64", "base64offset", "utf16le", "wide", "utf16be", "utf16",
        "lt", "lte", "gt", "gte", "minute", "hour", "day", "week", "month", "year",
        "cidr", "expand", "fieldref",
    };

    public static bool IsKnown(string modifier) => Known.Contains(modifier);
}
