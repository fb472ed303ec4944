namespace Soc.Console.Search;

/// <summary>The inner query must not match (NOT x, or -x).</summary>
public sealed record NotNode(QueryNode Inner) : QueryNode;
