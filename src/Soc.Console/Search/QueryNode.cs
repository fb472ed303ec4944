namespace Soc.Console.Search;

/// <summary>A parsed event query (docs/api.md, "Query syntax"). A closed set of node types that each store translates.</summary>
public abstract record QueryNode;
