using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Soc.Console.Search;

namespace Soc.Console.Storage.Sqlite;

/// <summary>
/// Translates a parsed query into a SQL condition over <c>events e</c>, adding parameters to the command.
/// Free text and <c>message:</c> go to the FTS5 index; fields with their own column use it (and its index);
/// every other ECS field is read from the stored JSON with json_each, which also matches inside arrays.
/// The free-text terms of one AND, OR or NOT become a single FTS5 expression (<c>sshd AND NOT root</c> is
/// <c>"sshd" NOT "root"</c>), so the index answers the whole text part of a query in one pass, in time-key
/// order (SqliteStore.TimeKey.cs), instead of each term being fetched and intersected row by row.
/// </summary>
internal sealed class SqliteQueryTranslator(SqliteCommand command, string parameterPrefix = "$q")
{
    private int _next;

    /// <summary>
    /// The free text a search can be driven by, as one FTS5 expression: the whole query when it is only free
    /// text, or the free-text parts of a top-level AND. <paramref name="rest"/> is what the rows must also
    /// meet (null when nothing). Null when no such part exists (the text is under an OR with fields, or NOT alone).
    /// </summary>
    public static string? DrivingText(QueryNode node, out QueryNode? rest)
    {
        rest = node;
        if (TextExpression(node) is { } whole)
        {
            rest = null;
            return whole;
        }

        if (node is not AndNode and)
        {
            return null;
        }

        var others = and.Parts.Where(p => !IsText(p)).ToList();
        if (TextExpression(new AndNode([.. and.Parts.Where(IsText)])) is not { } text)
        {
            return null;
        }

        rest = others.Count switch
        {
            0 => null,
            1 => others[0],
            _ => new AndNode(others),
        };
        return text;
    }

    public string Translate(QueryNode node)
    {
        if (TextExpression(node) is { } whole)
        {
            return TextCondition(whole);
        }

        return node switch
        {
            AndNode and => And(and),
            OrNode or => "(" + string.Join(" OR ", or.Parts.Select(Translate)) + ")",
            NotNode not => "NOT " + Translate(not.Inner),
            TermNode term => Term(term),
            RangeNode range => Range(range),
            _ => throw new QuerySyntaxException("unsupported query node " + node.GetType().Name),
        };
    }

    // An AND with some free-text parts and some others: the text parts (and NOT text parts) make one
    // expression, the rest stay conditions on the row.
    private string And(AndNode and)
    {
        var conditions = new List<string>();
        var rest = and.Parts;
        if (DrivingText(and, out var others) is { } text)
        {
            conditions.Add(TextCondition(text));
            rest = others is null ? [] : [others];
        }

        conditions.AddRange(rest.Select(Translate));
        return "(" + string.Join(" AND ", conditions) + ")";
    }

    private static bool IsText(QueryNode node) => TextExpression(node is NotNode not ? not.Inner : node) is not null;

    /// <summary>
    /// The FTS5 expression of a node made only of free text, or null. A NOT needs something beside it in an
    /// AND (FTS5's NOT is "this but not that"): a query that is only NOT text is answered row by row.
    /// </summary>
    private static string? TextExpression(QueryNode node)
    {
        switch (node)
        {
            case TermNode term:
                return TextTerm(term);
            case OrNode or:
                var alternatives = or.Parts.Select(TextExpression).ToList();
                return alternatives.Any(a => a is null) ? null : "(" + string.Join(" OR ", alternatives) + ")";
            case AndNode and:
                var wanted = new List<string>();
                var unwanted = new List<string>();
                foreach (var part in and.Parts)
                {
                    var expression = TextExpression(part is NotNode n ? n.Inner : part);
                    if (expression is null)
                    {
                        return null;
                    }

                    (part is NotNode ? unwanted : wanted).Add(expression);
                }

                if (wanted.Count == 0)
                {
                    return null;
                }

                var all = "(" + string.Join(" AND ", wanted) + ")";
                return unwanted.Count == 0 ? all : "(" + all + " NOT (" + string.Join(" OR ", unwanted) + "))";
            default:
                return null;
        }
    }

    // Words inside the message: the term quoted as a phrase (so "203.0.113.9" means those tokens in order);
    // a trailing * is a prefix search. Null for a term FTS5 cannot answer (other fields, inner wildcards).
    private static string? TextTerm(TermNode term)
    {
        if (term.Field is not (null or "message"))
        {
            return null;
        }

        var value = term.Value;
        if (!term.Phrase && value.EndsWith('*') && value.IndexOf('*', StringComparison.Ordinal) == value.Length - 1 && value.Length > 1)
        {
            return Quote(value[..^1]) + "*";
        }

        return term.HasWildcard ? null : Quote(value);
    }

    private string TextCondition(string match) =>
        "e.tkey IN (SELECT rowid FROM events_text WHERE events_text MATCH " + Parameter(match) + ")";

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
        if (term.Field == "source.ip")
        {
            // The index holds the address, or [ for an array of addresses: json_each decides for those only.
            return $"({SourceIpKey} IS {value} OR ({SourceIpKey} IS '[' AND {Json(term.Field, $"CAST(j.value AS TEXT) = {value}")}))";
        }

        // IS, not =: an event without the field does not equal the value (= says NULL, and NOT NULL is NULL,
        // so NOT host.name:x would drop events without a host).
        return column is not null ? $"{column} IS {value}" : Json(term.Field, $"CAST(j.value AS TEXT) = {value}");
    }

    // The address column (SqliteStore.SourceIp.cs): the address as text, or [ when the field is an array.
    private const string SourceIpKey = "e.source_ip";

    /// <summary>
    /// A condition of the query that an index can answer alone, with the time key beside it
    /// (SqliteStore.SearchPlan.cs): an exact value of <c>host.name</c> or <c>source.ip</c>. Returns the
    /// condition on the indexed column and the index's name, or null for any other node. With
    /// <paramref name="arrays"/> it also takes the events whose address is an array (the row's own condition
    /// then decides), which costs the index's time order: such a plan sorts what the index yields.
    /// </summary>
    public string? Pivot(QueryNode node, bool arrays, out string index)
    {
        (index, var condition) = node switch
        {
            TermNode { HasWildcard: false, Field: "host.name" } t => ("events_host_tkey", $"e.host = {Parameter(t.Value)}"),
            TermNode { HasWildcard: false, Field: "source.ip" } t => ("events_source_ip_tkey",
                arrays ? $"{SourceIpKey} IN ({Parameter(t.Value)}, '[')" : $"{SourceIpKey} = {Parameter(t.Value)}"),
            _ => ("", null),
        };
        return condition;
    }

    /// <summary>The condition that finds the events whose pivot field is an array, or null when it cannot be one.</summary>
    public static string? PivotArrays(QueryNode node) =>
        node is TermNode { Field: "source.ip" } ? $"{SourceIpKey} = '['" : null;

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

    // Free text that FTS5 cannot answer: a wildcard inside the word.
    private string FullText(TermNode term) =>
        $"e.message LIKE {Parameter("%" + term.Value.Replace('*', '%') + "%")}";

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
        var name = parameterPrefix + (_next++).ToString(CultureInfo.InvariantCulture);
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
