namespace Soc.Console.Exports.Model;

/// <summary>The agency's contact for an incident (Mẫu 03 section B).</summary>
public sealed record ContactPerson(string Name, string? Position, string? Phone, string? Email);
