using System.Security.Claims;
using Soc.Console.Exports.Forms;
using Soc.Console.Security;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Exports.Center;

/// <summary>
/// National forms over the API (bearer token): <c>POST /api/v1/incidents/{id}/forms/{form}</c> (Mẫu 03/04 with a
/// JSON body of field overrides) and <c>GET /api/v1/reports/forms/mau-05</c> (a period). Any role may export a
/// draft within its agency scope; issuing a numbered form is an act of the agency: admin and analyst only
/// (auditors and agency viewers get 403 unless <c>draft=true</c>).
/// </summary>
public static class FormsApi
{
    public static void MapFormsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/incidents/{id:long}/forms/{form}", IncidentFormAsync).RequireAuthorization(Policies.Api).WithTags("reports");
        app.MapGet("/api/v1/reports/forms/mau-05", Form05Async).RequireAuthorization(Policies.Api).WithTags("reports");
    }

    private static async Task<IResult> IncidentFormAsync(
        long id,
        string form,
        string? set,
        string? format,
        bool? draft,
        Dictionary<string, string>? fields,
        ClaimsPrincipal user,
        SqliteStore accounts,
        IncidentForms forms,
        CancellationToken cancellationToken)
    {
        format = (format ?? "docx").ToLowerInvariant();
        if (format is not ("pdf" or "docx"))
        {
            return TypedResults.BadRequest("format must be one of: pdf, docx");
        }

        if (forms.Find(form, set) is not { } template || !forms.IncidentTemplates.Contains(template))
        {
            return TypedResults.NotFound("no such incident form; known: " + string.Join(", ", forms.IncidentTemplates.Select(t => t.Id)));
        }

        var issue = draft != true;
        if (issue && !user.CanTriage())
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        try
        {
            var file = await forms.ExportAsync(id, template, UserClaims.AgencyScope(user, accounts), fields, format, issue, user.Name(), cancellationToken).ConfigureAwait(false);
            return file is null ? TypedResults.NotFound() : Download(file);
        }
        catch (ArgumentException e)
        {
            return TypedResults.BadRequest(e.Message);
        }
    }

    private static async Task<IResult> Form05Async(
        string? from, string? to, string? agency, string? format, bool? draft, ClaimsPrincipal user, SqliteStore accounts, PeriodicExports exports, CancellationToken cancellationToken)
    {
        format = (format ?? "docx").ToLowerInvariant();
        if (format is not ("pdf" or "docx"))
        {
            return TypedResults.BadRequest("format must be one of: pdf, docx");
        }

        if (!ReportPeriod.TryParse(from, to, DateTimeOffset.UtcNow, out var start, out var end))
        {
            return TypedResults.BadRequest("from/to: yyyy-MM-dd (local days, to inclusive) or ISO 8601 times, from before to");
        }

        var issue = draft != true;
        if (issue && !user.CanTriage())
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var file = await exports.Form05Async(agency ?? user.FindFirstValue(UserClaims.AgencyClaim), UserClaims.AgencyScope(user, accounts), start, end, format, issue, null, user.Name(), cancellationToken).ConfigureAwait(false);
        return file is null ? TypedResults.NotFound() : Download(file);
    }

    internal static IResult Download(ExportFile file)
    {
        if (file.Number is not null)
        {
            return new NumberedFileResult(file);
        }

        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The file with the issued number in <c>X-Report-Number</c>, so scripts need not open the document to learn it.</summary>
    private sealed class NumberedFileResult(ExportFile file) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers["X-Report-Number"] = Uri.EscapeDataString(file.Number!);
            return TypedResults.File(file.Content, file.ContentType, file.FileName).ExecuteAsync(httpContext);
        }
    }
}
