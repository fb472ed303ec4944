using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Soc.Console.Security;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Web.Pages;

/// <summary>The raw evidence: one stored event, its original line and every parsed field, each a pivot to search.</summary>
public sealed class EventModel(ISocStore store, SqliteStore accounts) : PageModel
{
    public StoredEvent Event { get; private set; } = null!;

    public string? Original { get; private set; }

    public IReadOnlyList<(string Name, string Value)> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var found = await store.GetEventsAsync([id], UserClaims.AgencyScope(User, accounts), HttpContext.RequestAborted).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return NotFoundPage.Result();
        }

        Event = found[0];
        var fields = new List<(string, string)>();
        if (Event.Fields.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in Event.Fields.EnumerateObject())
            {
                fields.Add((p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()));
            }
        }

        fields.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        Fields = fields;
        Original = fields.FirstOrDefault(f => f.Item1 == "event.original").Item2 ?? Event.Message;
        return Page();
    }
}
