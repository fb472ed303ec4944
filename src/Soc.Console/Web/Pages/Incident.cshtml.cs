using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Web.Pages;

public sealed class IncidentModel(SqliteStore store) : PageModel
{
    public Incident? Incident { get; private set; }

    public IReadOnlyList<StoredAlert> Alerts { get; private set; } = [];

    public IActionResult OnGet(long id)
    {
        Incident = store.FindIncident(id);
        var scope = UserClaims.AgencyScope(User, store);
        if (Incident is null || (scope is not null && !scope.Contains(Incident.AgencyId)))
        {
            return NotFound();
        }

        Alerts = store.AlertsForIncident(id);
        return Page();
    }
}
