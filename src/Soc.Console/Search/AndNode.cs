namespace Soc.Console.Search;

/// <summary>Every part must match (explicit AND, or terms side by side).</summary>
public sealed record AndNode(IReadOnlyList<QueryNode> Parts) : QueryNode;
