using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Soc.Console.Pipeline;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Ingest;

/// <summary>
/// <c>POST /api/v1/ingest</c>: a collector's batch, authenticated by the agency's ingest key. Answers
/// 200 only after the batch is committed; 400 malformed; 401 unknown key; 413 over a size limit;
/// 429 + Retry-After over the agency's rate; 503 + Retry-After when the pipeline is full (back-pressure).
/// </summary>
public static class IngestApi
{
    public static void MapIngestApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/ingest", IngestAsync).DisableAntiforgery().AllowAnonymous();

    private static async Task<Results<Ok<IngestResult>, UnauthorizedHttpResult, BadRequest<string>, ProblemHttpResult>> IngestAsync(
        HttpContext context, SqliteStore accounts, IngestPipeline pipeline, IngestOptions limits, AgencyRateLimiter rate, PipelineMetrics metrics, IngestRefusals refusals, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var agency = AgencyOf(request, accounts);
        if (agency is null)
        {
            return TypedResults.Unauthorized();
        }

        var gzip = request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        var batch = await IngestDecoder.DecodeAsync(request.Body, gzip, limits, cancellationToken).ConfigureAwait(false);
        if (batch.Records is null)
        {
            if (batch.IsTooLarge)
            {
                metrics.RejectedTooLarge();
                refusals.TooLarge(agency);
                return TypedResults.Problem(batch.Error, statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            metrics.RejectedMalformed();
            refusals.Malformed(agency);
            return TypedResults.BadRequest(batch.Error!);
        }

        if (!rate.TryTake(agency, batch.Records.Count, out var retryAfter))
        {
            metrics.RejectedRate();
            refusals.OverRate(agency);
            context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem($"agency {agency} is over its rate of {limits.RecordsPerSecondPerAgency} records/s", statusCode: StatusCodes.Status429TooManyRequests);
        }

        var done = await pipeline.TrySubmitAsync(agency, batch.Records, cancellationToken).ConfigureAwait(false);
        if (done is null)
        {
            metrics.RejectedBusy();
            context.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem("the center is busy; send again after Retry-After", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        metrics.Received(batch.Records.Count);
        try
        {
            return TypedResults.Ok(await done.WaitAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem("the batch could not be stored: " + ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>The agency of the request's <c>Authorization: ApiKey …</c> ingest key; null when absent or unknown. The agency comes from the key, never from the payload.</summary>
    internal static string? AgencyOf(HttpRequest request, SqliteStore accounts)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "ApiKey ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? accounts.AgencyForIngestKey(header[scheme.Length..].Trim()) : null;
    }
}
