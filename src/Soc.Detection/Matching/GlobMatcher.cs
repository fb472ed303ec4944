namespace Soc.Detection.Matching;

/// <summary>
/// A Sigma pattern with inner wildcards: <c>*</c> any run, <c>?</c> one character. Matched by the
/// greedy leftmost-chunk algorithm (correct for <c>*</c>-separated chunks), so no regex and no backtracking blow-up.
/// A chunk without <c>?</c> is found by the runtime's vectorised ordinal search: keyword rules such as
/// <c>'*wget *; chmod +x*'</c> run over every Linux message, and the char-by-char scan they replaced was the
/// center's costliest detection method (5 % of its CPU, bench/RESULTS.md).
/// </summary>
public sealed class GlobMatcher : ValueMatcher
{
    private readonly string[] _chunks;
    private readonly bool[] _hasOne;
    private readonly bool _anchorStart;
    private readonly bool _anchorEnd;
    private readonly bool _ignoreCase;
    private readonly StringComparison _comparison;

    public GlobMatcher(string pattern, bool ignoreCase)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        _ignoreCase = ignoreCase;
        _anchorStart = pattern.Length == 0 || pattern[0] != SigmaPattern.Star;
        _anchorEnd = pattern.Length == 0 || pattern[^1] != SigmaPattern.Star;
        _chunks = pattern.Split(SigmaPattern.Star);
        _hasOne = [.. _chunks.Select(c => c.Contains(SigmaPattern.One, StringComparison.Ordinal))];
        // OrdinalIgnoreCase compares chars by their simple (invariant) upper case, as the per-char path below does
        // (GlobMatcherTests checks the two against each other, with ß, İ, ı and the Kelvin sign); it also folds
        // letters outside the BMP, which the per-char path leaves as they are.
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
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
            var hasOne = _hasOne[i];
            if (i == 0 && _anchorStart)
            {
                if (!ChunkAt(text, 0, chunk, hasOne))
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
                return start >= pos && ChunkAt(text, start, chunk, hasOne);
            }

            var found = Find(text, pos, chunk, hasOne);
            if (found < 0)
            {
                return false;
            }

            pos = found + chunk.Length;
        }

        return true;
    }

    private int Find(ReadOnlySpan<char> text, int from, ReadOnlySpan<char> chunk, bool hasOne)
    {
        if (!hasOne)
        {
            var at = text[from..].IndexOf(chunk, _comparison);
            return at < 0 ? -1 : from + at;
        }

        for (var p = from; p + chunk.Length <= text.Length; p++)
        {
            if (ChunkAt(text, p, chunk, hasOne))
            {
                return p;
            }
        }

        return -1;
    }

    private bool ChunkAt(ReadOnlySpan<char> text, int at, ReadOnlySpan<char> chunk, bool hasOne)
    {
        if (at + chunk.Length > text.Length)
        {
            return false;
        }

        if (!hasOne)
        {
            return text.Slice(at, chunk.Length).Equals(chunk, _comparison);
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
