using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Incidents;

/// <summary>Incident endpoints of the JSON API (bearer tokens).</summary>
public static class IncidentsApi
{
    public static void MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/incidents").RequireAuthorization(Policies.Api);
        group.MapGet("/", List);
        group.MapGet("/{id:long}", Get);
    }

    private static Ok<IReadOnlyList<Incident>> List(ClaimsPrincipal user, SqliteStore store, string? status, int? limit, int? offset) =>
        TypedResults.Ok(store.ListIncidents(UserClaims.AgencyScope(user, store), status, limit ?? 50, offset ?? 0));

    private static Results<Ok<IncidentDetail>, NotFound> Get(long id, ClaimsPrincipal user, SqliteStore store)
    {
        var incident = store.FindIncident(id);
        var scope = UserClaims.AgencyScope(user, store);
        // Out of scope answers like absent, so ids of other agencies' incidents cannot be probed.
        if (incident is null || (scope is not null && !scope.Contains(incident.AgencyId)))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new IncidentDetail(incident, store.AlertsForIncident(id)));
    }
}
