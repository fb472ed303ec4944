using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Ingest;

/// <summary>
/// <c>POST /api/v1/collectors/heartbeat</c>: a collector's own counters (docs/specs/wire.md, "Heartbeat"),
/// authenticated by the agency's ingest key like ingest. The latest per (agency, collector) is kept.
/// Answers 204 stored; 400 malformed; 401 unknown key; 413 body over 64 KiB.
/// </summary>
public static class CollectorHeartbeatApi
{
    private const int MaxBodyBytes = 64 * 1024;

    public static void MapCollectorHeartbeatApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/collectors/heartbeat", HeartbeatAsync).DisableAntiforgery().AllowAnonymous();

    private static async Task<Results<NoContent, UnauthorizedHttpResult, BadRequest<string>, ProblemHttpResult>> HeartbeatAsync(
        HttpContext context, SqliteStore accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        var agency = IngestApi.AgencyOf(context.Request, accounts);
        if (agency is null)
        {
            return TypedResults.Unauthorized();
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.Problem("a heartbeat is at most 64 KiB", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var body = new byte[MaxBodyBytes + 1];
        var filled = 0;
        int read;
        while (filled < body.Length && (read = await context.Request.Body.ReadAsync(body.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }

        if (filled > MaxBodyBytes)
        {
            return TypedResults.Problem("a heartbeat is at most 64 KiB", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        CollectorHeartbeat heartbeat;
        try
        {
            heartbeat = Read(body.AsMemory(0, filled), agency, time.GetUtcNow());
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return TypedResults.BadRequest("malformed heartbeat: " + ex.Message);
        }

        await accounts.SaveHeartbeatAsync(heartbeat, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    /// <summary>Reads the wire object; unknown members are ignored (newer collectors may send more), <c>collector</c> is required.</summary>
    internal static CollectorHeartbeat Read(ReadOnlyMemory<byte> json, string agencyId, DateTimeOffset receivedAt)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("the body must be a JSON object");
        }

        var collector = Text(root, "collector");
        if (string.IsNullOrWhiteSpace(collector) || collector.Length > 200)
        {
            throw new FormatException("'collector' (1 to 200 characters) is required");
        }

        var dropped = root.TryGetProperty("dropped", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var queue = root.TryGetProperty("queue", out var q) && q.ValueKind == JsonValueKind.Object ? q : default;
        DateTimeOffset? started = Text(root, "startedAt") is { } s ? DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : null;
        return new CollectorHeartbeat(
            agencyId,
            collector,
            Clip(Text(root, "host")),
            Clip(Text(root, "version")),
            started,
            receivedAt,
            (int)Math.Clamp(Number(root, "intervalSeconds"), 0, 86_400),
            Number(root, "recordsRead"),
            Number(root, "recordsShipped"),
            Number(dropped, "tooLarge"),
            Number(dropped, "queueFull"),
            Number(dropped, "malformed"),
            Number(root, "truncated"),
            Number(queue, "depth"),
            Number(queue, "oldestUnsentSeconds"));
    }

    private static string? Text(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long Number(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? Math.Max(0, n) : 0;

    private static string? Clip(string? s) => s is { Length: > 200 } ? s[..200] : s;
}
