namespace Soc.Detection.Matching;

/// <summary>
/// A Sigma pattern with inner wildcards: <c>*</c> any run, <c>?</c> one character. Matched by the
/// greedy leftmost-chunk algorithm (correct for <c>*</c>-separated chunks), so no regex and no backtracking blow-up.
/// </summary>
public sealed class GlobMatcher : ValueMatcher
{
    private readonly string[] _chunks;
    private readonly bool _anchorStart;
    private readonly bool _anchorEnd;
    private readonly bool _ignoreCase;

    public GlobMatcher(string pattern, bool ignoreCase)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        _ignoreCase = ignoreCase;
        _anchorStart = pattern.Length == 0 || pattern[0] != SigmaPattern.Star;
        _anchorEnd = pattern.Length == 0 || pattern[^1] != SigmaPattern.Star;
        _chunks = pattern.Split(SigmaPattern.Star);
    }

    public string Pattern { get; }

    public override int Cost => 5;

    public override string? RequiredLiteral => SigmaPattern.LongestLiteral(Pattern) is { Length: > 0 } s ? s : null;

    public override bool Match(ReadOnlySpan<char> text)
    {
        var pos = 0;
        var last = _chunks.Length - 1;
        for (var i = 0; i <= last; i++)
        {
            var chunk = _chunks[i].AsSpan();
            if (i == 0 && _anchorStart)
            {
                if (!ChunkAt(text, 0, chunk))
                {
                    return false;
                }

                pos = chunk.Length;
                if (last == 0)
                {
                    return !_anchorEnd || pos == text.Length;
                }

                continue;
            }

            if (i == last && _anchorEnd)
            {
                var start = text.Length - chunk.Length;
                return start >= pos && ChunkAt(text, start, chunk);
            }

            var found = Find(text, pos, chunk);
            if (found < 0)
            {
                return false;
            }

            pos = found + chunk.Length;
        }

        return true;
    }

    private int Find(ReadOnlySpan<char> text, int from, ReadOnlySpan<char> chunk)
    {
        for (var p = from; p + chunk.Length <= text.Length; p++)
        {
            if (ChunkAt(text, p, chunk))
            {
                return p;
            }
        }

        return -1;
    }

    private bool ChunkAt(ReadOnlySpan<char> text, int at, ReadOnlySpan<char> chunk)
    {
        if (at + chunk.Length > text.Length)
        {
            return false;
        }

        for (var k = 0; k < chunk.Length; k++)
        {
            var c = chunk[k];
            if (c == SigmaPattern.One)
            {
                continue;
            }

            var t = text[at + k];
            if (t != c && (!_ignoreCase || char.ToUpperInvariant(t) != char.ToUpperInvariant(c)))
            {
                return false;
            }
        }

        return true;
    }
}
