using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Web.Pages;

public sealed class IndexModel(SqliteStore store) : PageModel
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public IReadOnlyList<Incident> Incidents { get; private set; } = [];

    public void OnGet() => Incidents = store.ListIncidents(UserClaims.AgencyScope(User, store), status: null, limit: 100);

    /// <summary>dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh, the console's house format.</summary>
    public static string Local(DateTimeOffset t) =>
        TimeZoneInfo.ConvertTime(t, Vietnam).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
