namespace Soc.Console.Storage;

/// <summary>One value of a field and how many matching events carry it.</summary>
public sealed record FacetValue(string Value, long Count);
