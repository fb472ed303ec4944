using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>Below this many matches of a free-text term, fetching them all and sorting by time is the faster plan.</summary>
    internal int ManyTextMatches { get; set; } = 50_000;

    public Task<EventPage> SearchEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var c = Open();
        using var q = Command(c, null, "");
        var where = EventConditions(q, query, out var textMatches);
        CatchUpTextIndex(where);
        if (textMatches.Any(m => MatchesMany(c, m)))
        {
            where = where.ConvertAll(SqliteQueryTranslator.NewestFirst);
        }

        if (query.Cursor is not null)
        {
            // Keyset paging on (ts, seq): stable under concurrent inserts, cheap at any depth.
            var parts = query.Cursor.Split(':');
            if (parts.Length != 2 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var cts) || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var cseq))
            {
                throw new Search.QuerySyntaxException("invalid cursor");
            }

            where.Add("(e.ts < $cts OR (e.ts = $cts AND e.seq < $cseq))");
            q.Parameters.AddWithValue("$cts", cts);
            q.Parameters.AddWithValue("$cseq", cseq);
        }

        var limit = Math.Clamp(query.Limit, 1, 1000);
        q.CommandText = "SELECT e.seq, e.id, e.agency_id, e.ts, e.dataset, e.host, e.message, e.fields, e.original FROM events e" + Where(where) +
            " ORDER BY e.ts DESC, e.seq DESC LIMIT $limit";
        q.Parameters.AddWithValue("$limit", limit + 1);
        var events = new List<StoredEvent>(limit);
        string? cursor = null;
        long lastSeq = 0;
        using var r = q.ExecuteReader();
        while (r.Read())
        {
            if (events.Count == limit)
            {
                var last = events[^1];
                cursor = last.Timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + ":" + lastSeq.ToString(CultureInfo.InvariantCulture);
                break;
            }

            lastSeq = r.GetInt64(0);
            events.Add(ReadEvent(r, 1));
        }

        return Task.FromResult(new EventPage(events, cursor));
    }

    public Task<long> CountEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var c = Open();
        using var q = Command(c, null, "");
        var where = EventConditions(q, query);
        CatchUpTextIndex(where);
        q.CommandText = "SELECT count(*) FROM events e" + Where(where);
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

    private static List<string> EventConditions(SqliteCommand q, EventQuery query) => EventConditions(q, query, out _);

    private static List<string> EventConditions(SqliteCommand q, EventQuery query, out List<string> textMatches)
    {
        textMatches = [];
        var where = new List<string>();
        AddScope(q, where, "e.agency_id", query.AgencyScope);
        if (query.From is DateTimeOffset from)
        {
            where.Add("e.ts >= $from");
            q.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        }

        if (query.To is DateTimeOffset to)
        {
            where.Add("e.ts <= $to");
            q.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        }

        if (query.Query is not null)
        {
            var translator = new SqliteQueryTranslator(q);
            where.Add(translator.Translate(query.Query));
            textMatches = translator.TextMatches;
        }

        return where;
    }

    // Whether a free-text term matches so many events that the newest matches are best found by walking
    // time order (see SqliteQueryTranslator.NewestFirst). Counting stops at the threshold: a few ms.
    private bool MatchesMany(SqliteConnection c, string match)
    {
        using var count = Command(c, null, "SELECT count(*) FROM (SELECT 1 FROM events_fts WHERE events_fts MATCH $m LIMIT $n)");
        count.Parameters.AddWithValue("$m", match);
        count.Parameters.AddWithValue("$n", ManyTextMatches);
        return (long)count.ExecuteScalar()! >= ManyTextMatches;
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
