namespace Soc.Console.Storage;

/// <summary>Storage health for /healthz: which store, whether it answered, and a detail for the operator.</summary>
public sealed record StoreHealth(string Kind, bool Healthy, string? Detail);
