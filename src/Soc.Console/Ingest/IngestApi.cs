using Microsoft.AspNetCore.Http.HttpResults;
using Soc.Console.Pipeline;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Ingest;

/// <summary><c>POST /api/v1/ingest</c>: a collector's batch, authenticated by the agency's ingest key.</summary>
public static class IngestApi
{
    /// <summary>Largest accepted batch after decompression.</summary>
    public const long MaxBatchBytes = 64L * 1024 * 1024;

    public static void MapIngestApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/ingest", IngestAsync).DisableAntiforgery().AllowAnonymous();

    private static async Task<Results<Ok<IngestResult>, UnauthorizedHttpResult, BadRequest<string>>> IngestAsync(
        HttpRequest request, SqliteStore store, IngestPipeline pipeline, CancellationToken cancellationToken)
    {
        // The agency comes from the key, never from the payload.
        var header = request.Headers.Authorization.ToString();
        const string scheme = "ApiKey ";
        var agency = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? store.AgencyForIngestKey(header[scheme.Length..].Trim()) : null;
        if (agency is null)
        {
            return TypedResults.Unauthorized();
        }

        var gzip = request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        var (records, error) = await IngestDecoder.DecodeAsync(request.Body, gzip, MaxBatchBytes, cancellationToken).ConfigureAwait(false);
        if (records is null)
        {
            return TypedResults.BadRequest(error!);
        }

        return TypedResults.Ok(await pipeline.ProcessAsync(agency, records, cancellationToken).ConfigureAwait(false));
    }
}
