using Microsoft.Data.Sqlite;
using Soc.Console.Search;

namespace Soc.Console.Storage.Sqlite;

/// <summary>
/// Which index a search or a count reads first. SQLite's planner cannot tell a word in a million events from
/// a word in ten, so the store decides from two capped counts:
/// <list type="bullet">
/// <item>A <b>pivot</b>, an exact <c>host.name</c> or <c>source.ip</c> of a top-level AND, drives when it
/// names few events (≤ <see cref="PivotLimit"/>) and, with free text beside it, far fewer than the text
/// matches. Each of its events is read and checked, the text by a look-up of the event's key in the text
/// index (70–140 µs each at 10 M events), so its cost is bounded whether or not anything matches.</item>
/// <item>Otherwise free text drives (SqliteStore.Search.cs): matches newest first, reading stops at a page.
/// A common word AND a rare address would walk every match of the word (10 s at 10 M events).</item>
/// <item>Otherwise SQLite's own plan over the time-key indexes.</item>
/// </list>
/// </summary>
public sealed partial class SqliteStore
{
    /// <summary>The most events a pivot drives a search through (70–140 µs each with a text look-up: about 0.5 s).</summary>
    private const int PivotLimit = 4_000;

    /// <summary>How many times more events the text must match than the pivot names for the pivot to drive.</summary>
    private const int PivotAdvantage = 20;

    /// <summary>The tables read (with the index that drives), the conditions, and the key the order and cursor use.</summary>
    private sealed record SearchPlan(string From, List<string> Where, string Key);

    private static SearchPlan PlanSearch(SqliteConnection connection, SqliteCommand q, EventQuery query)
    {
        QueryNode? rest = query.Query;
        var text = rest is null ? null : SqliteQueryTranslator.DrivingText(rest, out rest);
        if (rest is not null && ChoosePivot(connection, query, text, rest) is { } pivot)
        {
            var where = EventConditions(q, query, rest, "e.tkey");
            // The pivot again, as a condition on its indexed column alone: what the index is searched by.
            where.Add(new SqliteQueryTranslator(q, "$p").Pivot(pivot.Node, pivot.Arrays, out var index)!);
            if (text is not null)
            {
                // FTS5 seeks its lists to one row id: a look-up per event, not a list of every match.
                where.Add("EXISTS (SELECT 1 FROM events_text f WHERE f.events_text MATCH $text AND f.rowid = e.tkey)");
                q.Parameters.AddWithValue("$text", text);
            }

            return new SearchPlan(" FROM events e INDEXED BY " + index, where, "e.tkey");
        }

        if (text is null)
        {
            return new SearchPlan(" FROM events e", EventConditions(q, query, query.Query, "e.tkey"), "e.tkey");
        }

        // CROSS JOIN: SQLite keeps the written order, so the text index stays the outer loop and its
        // newest-first order serves the ORDER BY without a sort.
        var textWhere = EventConditions(q, query, rest, "f.rowid");
        textWhere.Add("f.events_text MATCH $text");
        q.Parameters.AddWithValue("$text", text);
        return new SearchPlan(" FROM events_text f CROSS JOIN events e ON e.tkey = f.rowid", textWhere, "f.rowid");
    }

    // The pivot naming the fewest events in the time range, if it should drive, and whether any of them hold
    // the field as an array; null otherwise.
    private static (QueryNode Node, bool Arrays)? ChoosePivot(SqliteConnection connection, EventQuery query, string? text, QueryNode rest)
    {
        (QueryNode Node, bool Arrays)? best = null;
        var fewest = long.MaxValue;
        foreach (var part in rest is AndNode and ? and.Parts : [rest])
        {
            using var count = Command(connection, null, "");
            if (new SqliteQueryTranslator(count).Pivot(part, arrays: false, out var index) is not { } condition)
            {
                continue;
            }

            var bounds = KeyBounds(count, query, "e.tkey");
            var n = CappedCount(count, $"events e INDEXED BY {index} WHERE {condition}{bounds}", PivotLimit + 1);
            var arrays = SqliteQueryTranslator.PivotArrays(part) is { } array && n <= PivotLimit
                ? CappedCount(count, $"events e INDEXED BY {index} WHERE {array}{bounds}", PivotLimit + 1)
                : 0;
            if (n + arrays <= PivotLimit && n + arrays < fewest)
            {
                (best, fewest) = ((part, arrays > 0), n + arrays);
            }
        }

        if (best is null || text is null)
        {
            return best;
        }

        using var matches = Command(connection, null, "");
        matches.Parameters.AddWithValue("$text", text);
        var wanted = fewest * PivotAdvantage;
        return CappedCount(matches, $"events_text f WHERE f.events_text MATCH $text{KeyBounds(matches, query, "f.rowid")}", wanted) >= wanted ? best : null;
    }

    /// <summary>What drives a search, as its FROM clause: for tests, benchmarks and telling why a search is slow.</summary>
    public string DescribePlan(EventQuery query)
    {
        using var c = Open();
        using var q = Command(c, null, "");
        return PlanSearch(c, q, query).From.Trim();
    }

    private static long CappedCount(SqliteCommand q, string fromWhere, long cap)
    {
        q.CommandText = $"SELECT count(*) FROM (SELECT 1 FROM {fromWhere} LIMIT {cap})";
        return (long)q.ExecuteScalar()!;
    }

    // The query's time range as bounds on a time key, for the estimates (the search checks the times exactly).
    private static string KeyBounds(SqliteCommand q, EventQuery query, string key)
    {
        var bounds = "";
        if (query.From is DateTimeOffset from)
        {
            bounds += $" AND {key} >= $fromKey";
            q.Parameters.AddWithValue("$fromKey", TimeKey(from.ToUnixTimeMilliseconds()));
        }

        if (query.To is DateTimeOffset to)
        {
            bounds += $" AND {key} < $toKey";
            q.Parameters.AddWithValue("$toKey", TimeKeyAfter(to.ToUnixTimeMilliseconds()));
        }

        return bounds;
    }
}
