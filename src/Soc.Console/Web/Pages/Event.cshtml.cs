using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Soc.Console.Security;
using Soc.Console.Storage.Sqlite;
using Soc.Console.Web.Data;

namespace Soc.Console.Web.Pages;

/// <summary>The raw evidence: one stored event, its original line and every parsed field, each a pivot to search.</summary>
public sealed class EventModel(SqliteStore store) : PageModel
{
    public EventRow Event { get; private set; } = null!;

    public IReadOnlyList<(string Name, string Value)> Fields { get; private set; } = [];

    public IActionResult OnGet(string id)
    {
        if (store.FindEventRow(id, UserClaims.AgencyScope(User, store)) is not { } row)
        {
            return NotFoundPage.Result();
        }

        Event = row;
        var fields = new List<(string, string)>();
        using var doc = JsonDocument.Parse(row.FieldsJson);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            fields.Add((p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()));
        }

        fields.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        Fields = fields;
        return Page();
    }
}
