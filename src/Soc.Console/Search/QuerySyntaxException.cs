namespace Soc.Console.Search;

/// <summary>A query that does not parse; the API answers 400 with the message (which names the position).</summary>
public sealed class QuerySyntaxException : Exception
{
    public QuerySyntaxException()
    {
    }

    public QuerySyntaxException(string message)
        : base(message)
    {
    }

    public QuerySyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public QuerySyntaxException(string message, int position)
        : base(message) => Position = position;

    /// <summary>Zero-based position in the query text.</summary>
    public int Position { get; }
}
