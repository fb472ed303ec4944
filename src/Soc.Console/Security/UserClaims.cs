using System.Security.Claims;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Security;

/// <summary>The claims a signed-in user carries, and the agency scope they grant.</summary>
public static class UserClaims
{
    public const string AgencyClaim = "soc:agency";

    public static IEnumerable<Claim> For(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        yield return new Claim(ClaimTypes.Name, user.Name);
        yield return new Claim(ClaimTypes.Role, user.Role);
        if (user.AgencyId is not null)
        {
            yield return new Claim(AgencyClaim, user.AgencyId);
        }
    }

    /// <summary>
    /// The agencies whose data the user may see: null means all (a user bound to no agency works for the
    /// province); otherwise the user's agency and every agency below it.
    /// </summary>
    public static IReadOnlyList<string>? AgencyScope(ClaimsPrincipal user, SqliteStore store)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(store);
        var agency = user.FindFirstValue(AgencyClaim);
        if (agency is null)
        {
            // An agency-viewer without an agency sees nothing rather than everything.
            return user.IsInRole(Roles.AgencyViewer) ? [] : null;
        }

        return store.AgencySubtree(agency);
    }
}
