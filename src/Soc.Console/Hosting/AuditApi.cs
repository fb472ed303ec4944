using Microsoft.AspNetCore.Http.HttpResults;
using Soc.Console.Pipeline;
using Soc.Console.Security;
using Soc.Console.Storage;

namespace Soc.Console.Hosting;

/// <summary>
/// The audit trail (admin, auditor) and rule reload (admin). The audit UI is a later issue; these are its
/// storage-facing reads. The trail is province-wide, so agency-scoped users do not read it.
/// </summary>
public static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").RequireAuthorization(Policies.Api).RequireAuthorization(ApiPolicies.Audit).WithTags("audit");
        audit.MapGet("/", async (ISocStore store, string? subject, int? limit, CancellationToken ct) =>
            TypedResults.Ok(await store.ListAuditAsync(subject, limit ?? 100, ct).ConfigureAwait(false)));
        audit.MapGet("/verify", async (ISocStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.VerifyAuditAsync(ct).ConfigureAwait(false)));
        app.MapPost("/api/v1/rules/reload", Reload).RequireAuthorization(Policies.Api).RequireAuthorization(ApiPolicies.Admin).WithTags("rules");
    }

    private static Ok<RuleReloadResult> Reload(RuleSetHolder rules)
    {
        rules.Reload();
        return TypedResults.Ok(new RuleReloadResult(rules.Rules.Count, rules.Errors.Count));
    }
}
