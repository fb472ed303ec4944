using Soc.Console.Search;

namespace Soc.Console.Tests.Search;

public sealed class QueryParserTests
{
    [Fact]
    public void ReadsFieldValuesPhrasesAndFreeText() =>
        Assert.Equal(
            new AndNode([new TermNode("host.name", "web01", false), new TermNode(null, "failed password", true), new TermNode(null, "root", false)]),
            QueryParser.Parse("host.name:web01 \"failed password\" root"),
            new NodeComparer());

    [Fact]
    public void GivesNotPrecedenceOverAndOverOr()
    {
        var node = QueryParser.Parse("a OR b AND NOT c");
        var or = Assert.IsType<OrNode>(node);
        Assert.Equal(new TermNode(null, "a", false), or.Parts[0]);
        var and = Assert.IsType<AndNode>(or.Parts[1]);
        Assert.Equal(new NotNode(new TermNode(null, "c", false)), and.Parts[1]);
    }

    [Fact]
    public void ReadsInclusiveExclusiveAndOpenRanges()
    {
        Assert.Equal(new RangeNode("source.port", "1", "1024", true, true), QueryParser.Parse("source.port:[1 TO 1024]"));
        Assert.Equal(new RangeNode("source.port", "1", null, false, false), QueryParser.Parse("source.port:{1 TO *}"));
        Assert.Equal(new RangeNode("http.response.status_code", "500", null, true, false), QueryParser.Parse("http.response.status_code:>=500"));
    }

    [Fact]
    public void ReadsAMinusAsNotAndParenthesesAsGroups() =>
        Assert.Equal(
            new AndNode([new NotNode(new TermNode("user.name", "root", false)), new OrNode([new TermNode(null, "x", false), new TermNode(null, "y", false)])]),
            QueryParser.Parse("-user.name:root (x OR y)"),
            new NodeComparer());

    [Theory]
    [InlineData("host.name:", "position 11")]
    [InlineData("\"unterminated", "unterminated quote")]
    [InlineData("(a OR b", "')' was expected")]
    [InlineData("port:[1 2]", "'TO' was expected")]
    public void NamesWhatIsWrongAndWhere(string query, string expected)
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(query));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TreatsAnEmptyQueryAsMatchAll() => Assert.Null(QueryParser.Parse("  "));

    /// <summary>Records with list members compare lists by reference; this compares the printed trees.</summary>
    private sealed class NodeComparer : IEqualityComparer<QueryNode?>
    {
        public bool Equals(QueryNode? x, QueryNode? y) => Print(x) == Print(y);

        public int GetHashCode(QueryNode? obj) => Print(obj).GetHashCode(StringComparison.Ordinal);

        private static string Print(QueryNode? n) => n switch
        {
            AndNode a => "AND(" + string.Join(",", a.Parts.Select(Print)) + ")",
            OrNode o => "OR(" + string.Join(",", o.Parts.Select(Print)) + ")",
            NotNode x => "NOT(" + Print(x.Inner) + ")",
            null => "null",
            _ => n.ToString(),
        };
    }
}
