using System.Security.Claims;

namespace Soc.Console.Security;

/// <summary>What a role may do, in one place, for pages that show or hide controls and for handlers that refuse.</summary>
public static class Permissions
{
    public static bool CanTriage(this ClaimsPrincipal user) =>
        user is not null && (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Analyst));

    public static bool CanAudit(this ClaimsPrincipal user) =>
        user is not null && (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Auditor));

    public static bool IsAdmin(this ClaimsPrincipal user) => user is not null && user.IsInRole(Roles.Admin);

    /// <summary>Rules and suppressions change detection for everyone: admins and analysts with the whole province.</summary>
    public static bool CanTuneRules(this ClaimsPrincipal user) =>
        user is not null && (user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.Analyst) && user.FindFirstValue(UserClaims.AgencyClaim) is null));

    public static string Name(this ClaimsPrincipal user) => user?.Identity?.Name ?? "?";
}
