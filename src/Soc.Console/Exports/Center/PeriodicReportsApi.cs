using System.Security.Claims;
using Soc.Console.Security;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Exports.Center;

/// <summary>
/// <c>GET /api/v1/reports/periodic?from=&amp;to=&amp;agency=&amp;format=pdf|docx|json</c>: the management report for a
/// period and an agency subtree within the caller's scope (default: the caller's own agency, or the province).
/// An agency outside the scope answers 404, as if absent.
/// </summary>
public static class PeriodicReportsApi
{
    public static void MapPeriodicReportsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/reports/periodic", ExportAsync).RequireAuthorization(Policies.Api).WithTags("reports");

    private static async Task<IResult> ExportAsync(
        string? from, string? to, string? agency, string? format, ClaimsPrincipal user, SqliteStore accounts, PeriodicExports exports, CancellationToken cancellationToken)
    {
        format = (format ?? "pdf").ToLowerInvariant();
        if (format is not ("pdf" or "docx" or "json"))
        {
            return TypedResults.BadRequest("format must be one of: pdf, docx, json");
        }

        if (!ReportPeriod.TryParse(from, to, DateTimeOffset.UtcNow, out var start, out var end))
        {
            return TypedResults.BadRequest("from/to: yyyy-MM-dd (local days, to inclusive) or ISO 8601 times, from before to");
        }

        var file = await exports.ReportAsync(agency ?? user.FindFirstValue(UserClaims.AgencyClaim), UserClaims.AgencyScope(user, accounts), start, end, format, user.Name(), cancellationToken).ConfigureAwait(false);
        return file is null ? TypedResults.NotFound() : TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
