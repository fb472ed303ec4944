using Soc.Console.Search;

namespace Soc.Console.Storage;

/// <summary>An event search: the parsed query (<see cref="QueryParser"/>), a time range, the caller's agency scope and a page.</summary>
/// <param name="AgencyScope">Null for every agency; otherwise only these.</param>
/// <param name="Cursor">Opaque position from the previous page's <see cref="EventPage.Cursor"/>.</param>
public sealed record EventQuery(
    QueryNode? Query,
    DateTimeOffset? From,
    DateTimeOffset? To,
    IReadOnlyList<string>? AgencyScope,
    int Limit = 100,
    string? Cursor = null);
