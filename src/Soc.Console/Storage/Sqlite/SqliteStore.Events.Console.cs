using Soc.Console.Web.Data;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>One event by its record id, or null when absent or outside <paramref name="agencyScope"/>.</summary>
    public EventRow? FindEventRow(string id, IReadOnlyList<string>? agencyScope)
    {
        using var c = OpenConsole();
        using var q = Command(c, null, "SELECT id, agency_id, ts, dataset, host, message, original, fields FROM events WHERE id = $id");
        q.Parameters.AddWithValue("$id", id);
        using var r = q.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        var row = ReadEventRow(r);
        return agencyScope is null || agencyScope.Contains(row.AgencyId) ? row : null;
    }

    private static EventRow ReadEventRow(Microsoft.Data.Sqlite.SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)),
        NullableString(r, 3),
        NullableString(r, 4),
        NullableString(r, 5),
        NullableString(r, 6),
        r.GetString(7));
}
