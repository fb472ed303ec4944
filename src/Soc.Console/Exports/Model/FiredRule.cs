namespace Soc.Console.Exports.Model;

/// <summary>A detection rule that fired for the incident; the author is printed because Sigma's licence asks for it.</summary>
public sealed record FiredRule(string Id, string Title, string Level, string? Author, int Hits);
