namespace Soc.Detection.Parsing;

/// <summary>A forward-only reader over one message, for the fixed phrasings of sshd, sudo and friends.</summary>
internal ref struct SpanCursor(ReadOnlySpan<char> text)
{
    private ReadOnlySpan<char> _rest = text;

    public readonly ReadOnlySpan<char> Rest => _rest;

    public readonly bool AtEnd => _rest.IsEmpty;

    /// <summary>Consumes <paramref name="literal"/> if the rest starts with it.</summary>
    public bool Skip(ReadOnlySpan<char> literal)
    {
        if (!_rest.StartsWith(literal, StringComparison.Ordinal))
        {
            return false;
        }

        _rest = _rest[literal.Length..];
        return true;
    }

    /// <summary>The next space-delimited word (consumes one following space).</summary>
    public ReadOnlySpan<char> Word()
    {
        var end = _rest.IndexOf(' ');
        var word = end < 0 ? _rest : _rest[..end];
        _rest = end < 0 ? [] : _rest[(end + 1)..];
        return word;
    }

    /// <summary>Text up to <paramref name="literal"/>, consuming both; false (nothing consumed) if absent.</summary>
    public bool Until(ReadOnlySpan<char> literal, out ReadOnlySpan<char> before)
    {
        var at = _rest.IndexOf(literal, StringComparison.Ordinal);
        if (at < 0)
        {
            before = default;
            return false;
        }

        before = _rest[..at];
        _rest = _rest[(at + literal.Length)..];
        return true;
    }
}
