using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Search;

/// <summary>
/// <c>GET /api/v1/events?q=…&amp;from=…&amp;to=…&amp;limit=…&amp;cursor=…</c>: event search with the query
/// syntax of docs/api.md, newest first, scoped to the caller's agencies; <c>/api/v1/events/count</c> counts.
/// </summary>
public static class EventsApi
{
    public static void MapEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/events").RequireAuthorization(Policies.Api).WithTags("events");
        group.MapGet("/", SearchAsync);
        group.MapGet("/count", CountAsync);
    }

    private static async Task<Results<Ok<EventPage>, BadRequest<string>>> SearchAsync(
        ClaimsPrincipal user, SqliteStore accounts, ISocStore store, string? q, string? from, string? to, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        try
        {
            var query = Build(user, accounts, q, from, to) with { Limit = limit ?? 100, Cursor = cursor };
            return TypedResults.Ok(await store.SearchEventsAsync(query, cancellationToken).ConfigureAwait(false));
        }
        catch (QuerySyntaxException ex)
        {
            return TypedResults.BadRequest(ex.Message);
        }
    }

    private static async Task<Results<Ok<long>, BadRequest<string>>> CountAsync(
        ClaimsPrincipal user, SqliteStore accounts, ISocStore store, string? q, string? from, string? to, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await store.CountEventsAsync(Build(user, accounts, q, from, to), cancellationToken).ConfigureAwait(false));
        }
        catch (QuerySyntaxException ex)
        {
            return TypedResults.BadRequest(ex.Message);
        }
    }

    private static EventQuery Build(ClaimsPrincipal user, SqliteStore accounts, string? q, string? from, string? to)
    {
        var now = DateTimeOffset.UtcNow;
        DateTimeOffset? Time(string? text, string name) =>
            text is null ? null : QueryTime.TryParse(text, now, out var t) ? t : throw new QuerySyntaxException($"'{name}' is not a time: {text}");
        return new EventQuery(QueryParser.Parse(q), Time(from, "from"), Time(to, "to"), UserClaims.AgencyScope(user, accounts));
    }
}
