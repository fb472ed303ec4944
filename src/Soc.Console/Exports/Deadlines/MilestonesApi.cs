using System.Security.Claims;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Exports.Deadlines;

/// <summary>
/// <c>GET /api/v1/incidents/{id}/deadlines</c> (any role, scoped) and <c>POST /api/v1/incidents/{id}/milestones</c>
/// (admin and analyst): a report sent outside Soc, which meets the legal deadlines it fulfils. Both answer the
/// incident's deadlines as they stand.
/// </summary>
public static class MilestonesApi
{
    public static void MapMilestonesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/incidents/{id:long}/deadlines", DeadlinesAsync).RequireAuthorization(Policies.Api).WithTags("incidents");
        app.MapPost("/api/v1/incidents/{id:long}/milestones", RecordAsync).RequireAuthorization(Policies.Api).WithTags("incidents");
    }

    private static async Task<IResult> DeadlinesAsync(long id, ClaimsPrincipal user, SqliteStore accounts, ISocStore store, IncidentDeadlines deadlines, CancellationToken cancellationToken)
    {
        var incident = await store.GetIncidentAsync(id, UserClaims.AgencyScope(user, accounts), cancellationToken).ConfigureAwait(false);
        return incident is null ? TypedResults.NotFound() : TypedResults.Ok(deadlines.For(incident).Select(DeadlineView.Of).ToList());
    }

    private static async Task<IResult> RecordAsync(
        long id, MilestoneRequest request, ClaimsPrincipal user, MilestoneRecorder recorder, SqliteStore accounts, ISocStore store, IncidentDeadlines deadlines, CancellationToken cancellationToken)
    {
        var (outcome, problem) = await recorder.RecordAsync(user, id, request.Milestone, request.At, request.Note, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            MilestoneOutcome.Forbidden => TypedResults.StatusCode(StatusCodes.Status403Forbidden),
            MilestoneOutcome.NotFound => TypedResults.NotFound(),
            MilestoneOutcome.Invalid => TypedResults.BadRequest(problem),
            _ => await DeadlinesAsync(id, user, accounts, store, deadlines, cancellationToken).ConfigureAwait(false),
        };
    }
}
