using Soc.Console.Notifications;
using Soc.Console.Pipeline;
using Soc.Console.Storage;

namespace Soc.Console.Hosting;

/// <summary><c>/healthz</c> (storage included: 503 when the store does not answer) and <c>/metrics</c> (Prometheus text).</summary>
public static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (ISocStore store, RuleSetHolder rules, CancellationToken ct) =>
        {
            var storage = await store.CheckHealthAsync(ct).ConfigureAwait(false);
            var body = new { status = storage.Healthy ? "ok" : "degraded", storage, rules = rules.Rules.Count };
            return storage.Healthy ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        app.MapGet("/metrics", (PipelineMetrics metrics, RuleSwitches switches, NotificationMetrics notifications) => Results.Text(metrics.ToPrometheus() + switches.ToPrometheus() + notifications.ToPrometheus(), "text/plain; version=0.0.4")).AllowAnonymous();
    }
}
