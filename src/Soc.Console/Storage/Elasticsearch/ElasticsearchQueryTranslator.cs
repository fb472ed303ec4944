using System.Globalization;
using System.Text.Json.Nodes;
using Soc.Console.Search;

namespace Soc.Console.Storage.Elasticsearch;

/// <summary>
/// Translates a parsed query into Elasticsearch query DSL with the same meaning as the SQLite
/// translation: free text and <c>message:</c> are word matches on the analysed message; other fields
/// match exactly (keywords); ranges on numbers, addresses and <c>@timestamp</c>.
/// </summary>
internal static class ElasticsearchQueryTranslator
{
    public static JsonObject Translate(QueryNode node) => node switch
    {
        AndNode and => Bool("filter", and.Parts),
        OrNode or => new JsonObject { ["bool"] = new JsonObject { ["should"] = Array(or.Parts), ["minimum_should_match"] = 1 } },
        NotNode not => new JsonObject { ["bool"] = new JsonObject { ["must_not"] = new JsonArray(Translate(not.Inner)) } },
        TermNode term => Term(term),
        RangeNode range => Range(range),
        _ => throw new QuerySyntaxException("unsupported query node " + node.GetType().Name),
    };

    private static JsonObject Term(TermNode term)
    {
        var field = term.Field ?? "message";
        if (field.Length == 0 || field.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@')))
        {
            throw new QuerySyntaxException($"'{field}' is not a field name");
        }

        if (field == "agency")
        {
            field = "organization.id";
        }

        if (field == "message")
        {
            var value = term.Value;
            if (!term.Phrase && value.Length > 1 && value.IndexOf('*', StringComparison.Ordinal) == value.Length - 1)
            {
                return new JsonObject { ["match_phrase_prefix"] = new JsonObject { ["message"] = value[..^1] } };
            }

            return term.HasWildcard
                ? new JsonObject { ["wildcard"] = new JsonObject { ["message"] = new JsonObject { ["value"] = value.ToLowerInvariant(), ["case_insensitive"] = true } } }
                : new JsonObject { ["match_phrase"] = new JsonObject { ["message"] = value } };
        }

        if (term.HasWildcard)
        {
            return new JsonObject { ["wildcard"] = new JsonObject { [field] = new JsonObject { ["value"] = term.Value } } };
        }

        return new JsonObject { ["term"] = new JsonObject { [field] = term.Value } };
    }

    private static JsonObject Range(RangeNode range)
    {
        var bounds = new JsonObject();
        JsonNode Value(string v) => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && range.Field != "@timestamp" ? d : v;
        if (range.Lower is not null)
        {
            bounds[range.IncludeLower ? "gte" : "gt"] = Value(range.Lower);
        }

        if (range.Upper is not null)
        {
            bounds[range.IncludeUpper ? "lte" : "lt"] = Value(range.Upper);
        }

        return new JsonObject { ["range"] = new JsonObject { [range.Field] = bounds } };
    }

    private static JsonObject Bool(string occur, IReadOnlyList<QueryNode> parts) => new() { ["bool"] = new JsonObject { [occur] = Array(parts) } };

    private static JsonArray Array(IReadOnlyList<QueryNode> parts) => new([.. parts.Select(p => (JsonNode)Translate(p))]);
}
