using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Soc.Console.Search;

namespace Soc.Console.Storage.Sqlite;

/// <summary>
/// Translates a parsed query into a SQL condition over <c>events e</c>, adding parameters to the command.
/// Free text and <c>message:</c> go to the FTS5 index; fields with their own column use it (and its index);
/// every other ECS field is read from the stored JSON with json_each, which also matches inside arrays.
/// </summary>
internal sealed class SqliteQueryTranslator(SqliteCommand command)
{
    // How a free-text term reads: the record's seq among the index's matches.
    private const string TextCondition = "e.seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ";

    private int _next;

    /// <summary>The FTS5 match expressions of the free-text terms translated so far.</summary>
    public List<string> TextMatches { get; } = [];

    /// <summary>
    /// The same condition with every free-text term kept from driving the query (<c>+e.seq</c>): SQLite then
    /// walks a time index newest first and checks each row against the term's matches, instead of fetching
    /// every match and sorting them all by time. The right plan when a term matches many rows (a
    /// common word in 10 million events matched 1.3 million: 2.9 s against 0.46 s, bench/RESULTS.md); the
    /// wrong one for a rare term, which the default plan answers from its few matches.
    /// </summary>
    public static string NewestFirst(string condition) =>
        condition.Replace(TextCondition, "+" + TextCondition, StringComparison.Ordinal);

    public string Translate(QueryNode node) => node switch
    {
        AndNode and => "(" + string.Join(" AND ", and.Parts.Select(Translate)) + ")",
        OrNode or => "(" + string.Join(" OR ", or.Parts.Select(Translate)) + ")",
        NotNode not => "NOT " + Translate(not.Inner),
        TermNode term => Term(term),
        RangeNode range => Range(range),
        _ => throw new QuerySyntaxException("unsupported query node " + node.GetType().Name),
    };

    private string Term(TermNode term)
    {
        if (term.Field is null or "message")
        {
            return FullText(term);
        }

        var column = Column(term.Field);
        if (term.HasWildcard)
        {
            var pattern = Parameter(Glob(term.Value));
            return column is not null ? $"{column} GLOB {pattern}" : Json(term.Field, $"CAST(j.value AS TEXT) GLOB {pattern}");
        }

        if (term.Field == "@timestamp")
        {
            return $"e.ts = {Parameter(Millis(term.Value))}";
        }

        var value = Parameter(term.Value);
        return column is not null ? $"{column} = {value}" : Json(term.Field, $"CAST(j.value AS TEXT) = {value}");
    }

    private string Range(RangeNode range)
    {
        var parts = new List<string>();
        var time = range.Field == "@timestamp";
        var numeric = !time && IsNumber(range.Lower) && IsNumber(range.Upper);
        var target = time ? "e.ts" : Column(range.Field) ?? (numeric ? "j.value" : "CAST(j.value AS TEXT)");
        object Bound(string v) => time ? Millis(v) : numeric ? double.Parse(v, CultureInfo.InvariantCulture) : v;
        if (range.Lower is not null)
        {
            parts.Add($"{target} {(range.IncludeLower ? ">=" : ">")} {Parameter(Bound(range.Lower))}");
        }

        if (range.Upper is not null)
        {
            parts.Add($"{target} {(range.IncludeUpper ? "<=" : "<")} {Parameter(Bound(range.Upper))}");
        }

        var condition = parts.Count == 0 ? "1" : string.Join(" AND ", parts);
        return time || Column(range.Field) is not null ? "(" + condition + ")" : Json(range.Field, condition);
    }

    private string FullText(TermNode term)
    {
        // Words inside the message: FTS5 with the term quoted as a phrase (so "203.0.113.9" means those
        // tokens in order); a trailing * is a prefix search; other wildcards fall back to LIKE.
        var value = term.Value;
        string match;
        if (!term.Phrase && value.EndsWith('*') && value.IndexOf('*', StringComparison.Ordinal) == value.Length - 1 && value.Length > 1)
        {
            match = Quote(value[..^1]) + "*";
        }
        else if (term.HasWildcard)
        {
            return $"e.message LIKE {Parameter("%" + value.Replace('*', '%') + "%")}";
        }
        else
        {
            match = Quote(value);
        }

        TextMatches.Add(match);
        return TextCondition + Parameter(match) + ")";
    }

    private string Json(string field, string condition) =>
        $"EXISTS (SELECT 1 FROM json_each(e.fields, {Parameter("$.\"" + field + "\"")}) j WHERE {condition})";

    private static string? Column(string field)
    {
        if (field.Length == 0 || field.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@')))
        {
            throw new QuerySyntaxException($"'{field}' is not a field name");
        }

        return field switch
        {
            "host.name" => "e.host",
            "event.dataset" => "e.dataset",
            "event.id" => "e.id",
            "organization.id" or "agency" => "e.agency_id",
            "event.original" => "e.original",
            _ => null,
        };
    }

    private string Parameter(object value)
    {
        var name = "$q" + (_next++).ToString(CultureInfo.InvariantCulture);
        command.Parameters.AddWithValue(name, value);
        return name;
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Glob(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            _ = c switch
            {
                '?' => sb.Append("[?]"),
                '[' => sb.Append("[[]"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    private static bool IsNumber(string? value) => value is null || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static long Millis(string value) =>
        QueryTime.TryParse(value, DateTimeOffset.UtcNow, out var t) ? t.ToUnixTimeMilliseconds() : throw new QuerySyntaxException($"'{value}' is not a time");
}
