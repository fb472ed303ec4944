using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Soc.Console.Search;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    public Task<EventPage> SearchEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var c = Open();
        using var q = Command(c, null, "");

        // Which index reads first (SqliteStore.SearchPlan.cs): a query with free text is usually driven by
        // the text index, which yields its matches newest first (its rowid is the time key); each is joined to
        // its row and checked against the rest, and reading stops at a full page. So a word found in millions
        // of events costs a page, not millions of look-ups.
        var (from, where, key) = PlanSearch(c, q, query);
        CatchUpTextIndex(where);
        if (query.Cursor is not null)
        {
            // Keyset paging on the time key: stable under concurrent inserts, cheap at any depth.
            if (!long.TryParse(query.Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var after))
            {
                throw new QuerySyntaxException("invalid cursor");
            }

            where.Add(key + " < $after");
            q.Parameters.AddWithValue("$after", after);
        }

        var limit = Math.Clamp(query.Limit, 1, 1000);
        q.CommandText = "SELECT e.tkey, e.id, e.agency_id, e.ts, e.dataset, e.host, e.message, e.fields, e.original" + from + Where(where) +
            " ORDER BY " + key + " DESC LIMIT $limit";
        q.Parameters.AddWithValue("$limit", limit + 1);
        var events = new List<StoredEvent>(limit);
        string? cursor = null;
        long lastKey = 0;
        using var r = q.ExecuteReader();
        while (r.Read())
        {
            if (events.Count == limit)
            {
                cursor = lastKey.ToString(CultureInfo.InvariantCulture);
                break;
            }

            lastKey = r.GetInt64(0);
            events.Add(ReadEvent(r, 1));
        }

        return Task.FromResult(new EventPage(events, cursor));
    }

    public Task<long> CountEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var c = Open();
        using var q = Command(c, null, "");
        if (CountFromTextIndex(q, query) is { } conditions)
        {
            CatchUpTextIndex(conditions);
            q.CommandText = "SELECT count(*) FROM events_text f" + Where(conditions);
            return Task.FromResult((long)q.ExecuteScalar()!);
        }

        var (from, where, _) = PlanSearch(c, q, query);
        CatchUpTextIndex(where);
        q.CommandText = "SELECT count(*)" + from + Where(where);
        return Task.FromResult((long)q.ExecuteScalar()!);
    }

    public Task<IReadOnlyList<StoredEvent>> GetEventsAsync(IReadOnlyList<string> ids, IReadOnlyList<string>? agencyScope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var c = Open();
        using var q = Command(c, null, "");
        var where = new List<string>();
        AddScope(q, where, "e.agency_id", agencyScope);
        var names = new List<string>();
        for (var i = 0; i < ids.Count; i++)
        {
            names.Add("$id" + i.ToString(CultureInfo.InvariantCulture));
            q.Parameters.AddWithValue(names[^1], ids[i]);
        }

        where.Add(names.Count == 0 ? "0" : $"e.id IN ({string.Join(',', names)})");
        q.CommandText = "SELECT e.id, e.agency_id, e.ts, e.dataset, e.host, e.message, e.fields, e.original FROM events e" + Where(where) + " ORDER BY e.ts DESC";
        return Task.FromResult<IReadOnlyList<StoredEvent>>(ReadAll(q, r => ReadEvent(r, 0)));
    }

    // Free text alone over every agency, in a time range a key can bound exactly: the text index counts its
    // own matches and no row is read (10 M events, a word in 1.3 M of them: ~1 s of row look-ups otherwise).
    // Null when the count needs the rows.
    private static List<string>? CountFromTextIndex(SqliteCommand q, EventQuery query)
    {
        static bool Keyable(DateTimeOffset? t) => t is null || t.Value.ToUnixTimeMilliseconds() is >= 0 and < MaxKeyTime;
        if (query.AgencyScope is not null || query.Query is null || !Keyable(query.From) || !Keyable(query.To) ||
            SqliteQueryTranslator.DrivingText(query.Query, out var rest) is not { } text || rest is not null)
        {
            return null;
        }

        q.Parameters.AddWithValue("$text", text);
        return ["f.events_text MATCH $text" + KeyBounds(q, query, "f.rowid")];
    }

    // The scope, the time range as bounds on a time key (keyColumn: the row's, or the text index's rowid)
    // and the query (or what is left of it).
    private static List<string> EventConditions(SqliteCommand q, EventQuery query, QueryNode? node, string keyColumn)
    {
        var where = new List<string>();
        AddScope(q, where, "e.agency_id", query.AgencyScope);
        if (query.From is DateTimeOffset from)
        {
            // The key bound lets the time-key indexes find the range; the time bound is exact for clamped keys.
            where.Add(keyColumn + " >= $fromKey AND e.ts >= $from");
            q.Parameters.AddWithValue("$fromKey", TimeKey(from.ToUnixTimeMilliseconds()));
            q.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        }

        if (query.To is DateTimeOffset to)
        {
            where.Add(keyColumn + " < $toKey AND e.ts <= $to");
            q.Parameters.AddWithValue("$toKey", TimeKeyAfter(to.ToUnixTimeMilliseconds()));
            q.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        }

        if (node is not null)
        {
            where.Add(new SqliteQueryTranslator(q).Translate(node));
        }

        return where;
    }

    private static StoredEvent ReadEvent(SqliteDataReader r, int first)
    {
        // The stored JSON lacks message and event.original (they have columns); the API shows the whole event.
        var fields = System.Text.Json.Nodes.JsonNode.Parse(r.GetString(first + 6))!.AsObject();
        if (!r.IsDBNull(first + 5))
        {
            fields[Soc.Detection.Events.EcsFields.Message] = r.GetString(first + 5);
        }

        if (!r.IsDBNull(first + 7))
        {
            fields[Soc.Detection.Events.EcsFields.EventOriginal] = r.GetString(first + 7);
        }

        using var doc = JsonDocument.Parse(fields.ToJsonString());
        return new StoredEvent(
            r.GetString(first),
            r.GetString(first + 1),
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(first + 2)),
            r.IsDBNull(first + 3) ? null : r.GetString(first + 3),
            r.IsDBNull(first + 4) ? null : r.GetString(first + 4),
            r.IsDBNull(first + 5) ? null : r.GetString(first + 5),
            doc.RootElement.Clone());
    }
}
