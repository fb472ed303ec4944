using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Soc.Console.Security;
using Soc.Console.Storage.Sqlite;
using Soc.Console.Web.Data;

namespace Soc.Console.Web.Api;

/// <summary>The audit trail over the JSON API: admins and auditors only (others get 403).</summary>
public static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").RequireAuthorization(Policies.ApiAudit);
        group.MapGet("/", List);
        group.MapGet("/verify", Verify);
    }

    private static Ok<IReadOnlyList<AuditEntry>> List(ClaimsPrincipal user, SqliteStore store, string? q, int? limit, int? offset)
    {
        var entries = store.ListAudit(q, limit ?? 100, offset ?? 0);
        store.Audit(user.Name(), "audit.export", "audit", after: $"api, {entries.Count} entries");
        return TypedResults.Ok(entries);
    }

    private static Ok<AuditVerification> Verify(SqliteStore store) => TypedResults.Ok(store.VerifyAudit());
}
