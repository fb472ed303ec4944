namespace Soc.Console.Search;

/// <summary>Any part may match.</summary>
public sealed record OrNode(IReadOnlyList<QueryNode> Parts) : QueryNode;
