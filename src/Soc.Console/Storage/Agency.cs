namespace Soc.Console.Storage;

/// <summary>
/// An agency in the province's tree (province → departments and districts → communes).
/// <see cref="RetentionMonths"/>: how long its events are kept (1, 3, 6 or 12, by the security level of its systems).
/// </summary>
public sealed record Agency(string Id, string Name, string? ParentId, int RetentionMonths = 12);
