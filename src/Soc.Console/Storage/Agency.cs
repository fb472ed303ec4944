namespace Soc.Console.Storage;

/// <summary>An agency in the province's tree (province → departments and districts → communes).</summary>
public sealed record Agency(string Id, string Name, string? ParentId);
