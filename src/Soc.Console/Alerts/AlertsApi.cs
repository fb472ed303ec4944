using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Soc.Console.Search;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Alerts;

/// <summary><c>GET /api/v1/alerts</c>: alerts newest first, filtered by incident, rule and time, scoped to the caller's agencies.</summary>
public static class AlertsApi
{
    public static void MapAlertsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/alerts", ListAsync).RequireAuthorization(Policies.Api).WithTags("alerts");

    private static async Task<Results<Ok<IReadOnlyList<StoredAlert>>, BadRequest<string>>> ListAsync(
        ClaimsPrincipal user, SqliteStore accounts, ISocStore store, long? incident, string? rule, string? from, string? to, int? limit, int? offset,
        CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        DateTimeOffset? f = null, t = null;
        if (from is not null)
        {
            if (!QueryTime.TryParse(from, now, out var v))
            {
                return TypedResults.BadRequest($"'from' is not a time: {from}");
            }

            f = v;
        }

        if (to is not null)
        {
            if (!QueryTime.TryParse(to, now, out var v))
            {
                return TypedResults.BadRequest($"'to' is not a time: {to}");
            }

            t = v;
        }

        return TypedResults.Ok(await store.ListAlertsAsync(
            new AlertFilter(UserClaims.AgencyScope(user, accounts), incident, rule, f, t, limit ?? 100, offset ?? 0), cancellationToken).ConfigureAwait(false));
    }
}
