using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Soc.Console.Hosting;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Incidents;

/// <summary>Incident endpoints of the JSON API (bearer tokens). Reads are scoped to the caller's agency subtree; changes need admin or analyst.</summary>
public static class IncidentsApi
{
    public static void MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/incidents").RequireAuthorization(Policies.Api).WithTags("incidents");
        group.MapGet("/", List);
        group.MapGet("/{id:long}", GetAsync);
        group.MapPatch("/{id:long}", ChangeAsync).RequireAuthorization(ApiPolicies.ChangeIncidents);
        group.MapPost("/{id:long}/notes", AddNoteAsync).RequireAuthorization(ApiPolicies.ChangeIncidents);
    }

    private static async Task<Ok<IReadOnlyList<Incident>>> List(
        ClaimsPrincipal user, SqliteStore accounts, ISocStore store, string? status, string? severity, string? assignee, string? rule,
        string? category, string? sort, int? limit, int? offset, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListIncidentsAsync(
            new IncidentFilter(UserClaims.AgencyScope(user, accounts), status, severity, assignee, rule, category, sort, limit ?? 50, offset ?? 0),
            cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<IncidentDetail>, NotFound>> GetAsync(long id, ClaimsPrincipal user, SqliteStore accounts, ISocStore store, CancellationToken cancellationToken)
    {
        var scope = UserClaims.AgencyScope(user, accounts);
        // Out of scope answers like absent, so ids of other agencies' incidents cannot be probed.
        var incident = await store.GetIncidentAsync(id, scope, cancellationToken).ConfigureAwait(false);
        if (incident is null)
        {
            return TypedResults.NotFound();
        }

        var alerts = await store.ListAlertsAsync(new AlertFilter(scope, id, Limit: 200), cancellationToken).ConfigureAwait(false);
        var eventIds = await store.IncidentEventIdsAsync(id, 200, cancellationToken).ConfigureAwait(false);
        var events = await store.GetEventsAsync(eventIds, scope, cancellationToken).ConfigureAwait(false);
        var notes = await store.NotesAsync(id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new IncidentDetail(incident, alerts, events, notes));
    }

    private static async Task<Results<Ok<Incident>, NotFound, BadRequest<string>, Conflict<Incident>>> ChangeAsync(
        long id, IncidentPatch patch, HttpRequest request, ClaimsPrincipal user, SqliteStore accounts, ISocStore store, CancellationToken cancellationToken)
    {
        var change = new IncidentChange(patch.Status, patch.ClosingReason, patch.Assignee, patch.Severity, patch.Category, patch.Note);
        var version = patch.Version ?? IfMatch(request);
        return await ApplyAsync(id, version, change, user, accounts, store, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Results<Ok<Incident>, NotFound, BadRequest<string>, Conflict<Incident>>> AddNoteAsync(
        long id, NoteRequest note, ClaimsPrincipal user, SqliteStore accounts, ISocStore store, CancellationToken cancellationToken) =>
        await ApplyAsync(id, null, new IncidentChange(Note: note.Text), user, accounts, store, cancellationToken).ConfigureAwait(false);

    private static async Task<Results<Ok<Incident>, NotFound, BadRequest<string>, Conflict<Incident>>> ApplyAsync(
        long id, long? version, IncidentChange change, ClaimsPrincipal user, SqliteStore accounts, ISocStore store, CancellationToken cancellationToken)
    {
        var current = await store.GetIncidentAsync(id, UserClaims.AgencyScope(user, accounts), cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return TypedResults.NotFound();
        }

        if (IncidentWorkflow.Validate(current, change) is { } refusal)
        {
            return TypedResults.BadRequest(refusal);
        }

        var actor = user.Identity?.Name ?? "unknown";
        var result = await store.UpdateIncidentAsync(id, version ?? current.Version, change, actor, cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            IncidentUpdateOutcome.Updated => TypedResults.Ok(result.Incident!),
            IncidentUpdateOutcome.Conflict => TypedResults.Conflict(result.Incident!),
            _ => TypedResults.NotFound(),
        };
    }

    private static long? IfMatch(HttpRequest request)
    {
        var text = request.Headers.IfMatch.ToString().Trim('"', ' ', 'W', '/');
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
