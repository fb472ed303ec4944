namespace Soc.Console.Storage;

/// <summary>
/// Top values per field over the events a query matched. <see cref="SampledNewest"/> is null when every
/// matching event was counted, else the number of newest matching events the counts cover (the store's
/// bound on the work, e.g. SQLite's <c>Soc:Search:FacetSampleEvents</c>).
/// </summary>
public sealed record FacetResult(IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Fields, long? SampledNewest);
