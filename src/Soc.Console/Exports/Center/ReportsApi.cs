using System.Globalization;
using System.Security.Claims;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Incident;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Exports.Center;

/// <summary>
/// <c>GET /api/v1/incidents/{id}/report?format=pdf|docx|json|csv</c> (bearer token) and the same export for
/// the signed-in console at <c>/incidents/{id}/report</c>; the signed bundle at <c>…/{id}/bundle</c> likewise.
/// Scoped like every read; every export is audited.
/// </summary>
public static class ReportsApi
{
    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/incidents/{id:long}/report", ExportAsync).RequireAuthorization(Policies.Api).WithTags("reports");
        // The console's link: cookie sign-in (the fallback policy), same handler.
        app.MapGet("/incidents/{id:long}/report", ExportAsync).ExcludeFromDescription();
        app.MapGet("/api/v1/incidents/{id:long}/bundle", BundleAsync).RequireAuthorization(Policies.Api).WithTags("reports");
        app.MapGet("/incidents/{id:long}/bundle", BundleAsync).ExcludeFromDescription();
    }

    /// <summary>The signed audit bundle (ZIP): reports, evidence events, audit slice, manifest and CMS signature.</summary>
    private static async Task<IResult> BundleAsync(long id, ClaimsPrincipal user, SqliteStore accounts, IncidentBundleExporter bundles, CancellationToken cancellationToken)
    {
        try
        {
            var file = await bundles.ExportAsync(id, UserClaims.AgencyScope(user, accounts), user.Identity?.Name ?? "unknown", cancellationToken).ConfigureAwait(false);
            return file is null ? TypedResults.NotFound() : TypedResults.File(file.Content, file.ContentType, file.FileName);
        }
        catch (InvalidDataException e)
        {
            return TypedResults.Conflict(e.Message);
        }
    }

    private static async Task<IResult> ExportAsync(
        long id, string? format, ClaimsPrincipal user, SqliteStore accounts, ISocStore store, IncidentReportBuilder builder, CancellationToken cancellationToken)
    {
        format = (format ?? "pdf").ToLowerInvariant();
        if (format is not ("pdf" or "docx" or "json" or "csv"))
        {
            return TypedResults.BadRequest("format must be one of: pdf, docx, json, csv");
        }

        var data = await builder.BuildAsync(id, UserClaims.AgencyScope(user, accounts), cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            return TypedResults.NotFound();
        }

        var actor = user.Identity?.Name ?? "unknown";
        var context = ExportContext.Now(actor);
        using var buffer = new MemoryStream();
        var contentType = format switch
        {
            "pdf" => Write(() => IncidentPdfExporter.Write(data, context, buffer), "application/pdf"),
            "docx" => Write(() => IncidentDocxExporter.Write(data, context, buffer), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            "json" => Write(() => IncidentJsonExporter.Write(data, context, buffer), "application/json"),
            _ => Write(() => IncidentCsvExporter.Write(data, buffer), "text/csv"),
        };
        var bytes = buffer.ToArray();
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        await store.AppendAuditAsync(
            new AuditRecord(actor, "incident.export", "incident:" + id.ToString(CultureInfo.InvariantCulture), $"{format}, {bytes.Length} bytes, sha256 {sha256}", context.GeneratedAt),
            cancellationToken).ConfigureAwait(false);
        return TypedResults.File(bytes, contentType, $"soc-incident-{id}.{format}");
    }

    private static string Write(Action write, string contentType)
    {
        write();
        return contentType;
    }
}
