using System.Text;

namespace Soc.Detection.Matching;

/// <summary>
/// A Sigma string value as text where unescaped wildcards are replaced by private-use sentinels, so
/// transformations (windash, expand, contains...) can work on plain strings. <see cref="Star"/> is
/// <c>*</c>, <see cref="One"/> is <c>?</c>; escaped <c>\*</c>, <c>\?</c> and <c>\\</c> become literals.
/// </summary>
public static class SigmaPattern
{
    public const char Star = '\uE000';
    public const char One = '\uE001';

    /// <summary>Parses the Sigma escape rules (pySigma's reading): <c>\*</c>, <c>\?</c>, <c>\\</c> are literals; a lone backslash stays.</summary>
    public static string Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length && value[i + 1] is '*' or '?' or '\\')
            {
                sb.Append(value[++i]);
            }
            else
            {
                sb.Append(c switch { '*' => Star, '?' => One, _ => c });
            }
        }

        return sb.ToString();
    }

    /// <summary>Plain text (no wildcard meaning) as a pattern.</summary>
    public static string Literal(string text) => text;

    public static bool HasWildcards(string pattern) => pattern.AsSpan().IndexOfAny(Star, One) >= 0;

    /// <summary>The pattern with wildcards shown as <c>*</c>/<c>?</c>, for messages.</summary>
    public static string Display(string pattern) => pattern.Replace(Star, '*').Replace(One, '?');

    public static (PatternKind Kind, string Literal) Classify(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Length > 0 && pattern.AsSpan().IndexOfAnyExcept(Star) < 0)
        {
            return (PatternKind.Any, "");
        }

        var lead = pattern.Length > 0 && pattern[0] == Star;
        var trail = pattern.Length > 1 && pattern[^1] == Star;
        var inner = pattern.AsSpan(lead ? 1 : 0, pattern.Length - (lead ? 1 : 0) - (trail ? 1 : 0));
        if (inner.IndexOfAny(Star, One) >= 0)
        {
            return (PatternKind.Glob, "");
        }

        var literal = inner.ToString();
        return (lead, trail) switch
        {
            (false, false) => (PatternKind.Exact, literal),
            (false, true) => (PatternKind.Prefix, literal),
            (true, false) => (PatternKind.Suffix, literal),
            _ => (PatternKind.Contains, literal),
        };
    }

    /// <summary>The longest run of literal characters, which every match must contain.</summary>
    public static string LongestLiteral(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var best = ReadOnlySpan<char>.Empty;
        var rest = pattern.AsSpan();
        while (true)
        {
            var i = rest.IndexOfAny(Star, One);
            var chunk = i < 0 ? rest : rest[..i];
            if (chunk.Length > best.Length)
            {
                best = chunk;
            }

            if (i < 0)
            {
                return best.ToString();
            }

            rest = rest[(i + 1)..];
        }
    }
}
