using Microsoft.AspNetCore.Mvc.RazorPages;
using Soc.Console.Security;
using Soc.Console.Storage.Sqlite;
using Soc.Console.Web.Data;

namespace Soc.Console.Web.Pages;

/// <summary>The province at a glance, within the user's agency scope; charts are inline SVG drawn here.</summary>
public sealed class DashboardModel(SqliteStore store) : PageModel
{
    public DashboardData Data { get; private set; } = null!;

    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

    public void OnGet() => Data = store.Dashboard(UserClaims.AgencyScope(User, store), Now);
}
