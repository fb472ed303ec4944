namespace Soc.Console.Web.Data;

/// <summary>A user's named queue filter, kept as the query string it stands for.</summary>
public sealed record SavedView(long Id, string Name, string Query);
