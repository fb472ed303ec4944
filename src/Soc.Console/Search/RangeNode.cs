namespace Soc.Console.Search;

/// <summary>field:[lo TO hi] (inclusive), field:{lo TO hi} (exclusive), field:&gt;x, field:&gt;=x, field:&lt;x, field:&lt;=x; "*" leaves a side open.</summary>
public sealed record RangeNode(string Field, string? Lower, string? Upper, bool IncludeLower, bool IncludeUpper) : QueryNode;
