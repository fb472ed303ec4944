namespace Soc.Detection.Matching;

/// <summary>The shape of a Sigma string value after its wildcards were analysed.</summary>
public enum PatternKind
{
    Exact,
    Prefix,
    Suffix,
    Contains,
    Glob,
    Any,
}
