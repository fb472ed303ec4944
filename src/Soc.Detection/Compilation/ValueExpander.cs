using System.Text;
using Soc.Detection.Matching;
using Soc.Detection.Sigma;

namespace Soc.Detection.Compilation;

/// <summary>
/// Applies a value's string-transforming modifiers in the order written (expand, windash, utf16*, base64,
/// base64offset, contains/startswith/endswith) and returns the resulting patterns (see <see cref="SigmaPattern"/>).
/// Shared by the compiled engine and the naive reference evaluator: load-time work only.
/// </summary>
public static class ValueExpander
{
    private static readonly string[] Dashes = ["-", "/", "\u2013", "\u2014", "\u2015"];

    /// <summary>Placeholder <c>%name%</c> had no configured value: the value never matches.</summary>
    public const string Unresolved = "\uE002unresolved";

    public static List<string> Expand(string value, IReadOnlyList<string> modifiers, IReadOnlyDictionary<string, IReadOnlyList<string>> placeholders, bool keyword)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(modifiers);
        ArgumentNullException.ThrowIfNull(placeholders);
        List<string> texts = [SigmaPattern.Parse(value)];
        List<byte[]>? bytes = null;
        foreach (var modifier in modifiers)
        {
            switch (modifier)
            {
                case "expand":
                    texts = ExpandPlaceholders(texts, placeholders);
                    break;
                case "windash":
                    texts = [.. texts.SelectMany(WinDash)];
                    break;
                case "utf16le" or "wide":
                    bytes = [.. texts.Select(t => Encoding.Unicode.GetBytes(NoWildcards(t, modifier)))];
                    break;
                case "utf16be":
                    bytes = [.. texts.Select(t => Encoding.BigEndianUnicode.GetBytes(NoWildcards(t, modifier)))];
                    break;
                case "utf16":
                    bytes = [.. texts.Select(t => (byte[])[0xFF, 0xFE, .. Encoding.Unicode.GetBytes(NoWildcards(t, modifier))])];
                    break;
                case "base64":
                    texts = [.. (bytes ?? Utf8(texts, modifier)).Select(Convert.ToBase64String)];
                    bytes = null;
                    break;
                case "base64offset":
                    texts = [.. (bytes ?? Utf8(texts, modifier)).SelectMany(Base64Offsets)];
                    bytes = null;
                    break;
                case "contains":
                    texts = [.. texts.Select(t => Wrap(t, true, true))];
                    break;
                case "startswith":
                    texts = [.. texts.Select(t => Wrap(t, false, true))];
                    break;
                case "endswith":
                    texts = [.. texts.Select(t => Wrap(t, true, false))];
                    break;
                default:
                    break; // matcher-selecting modifiers (cased, all, neq, ...) are handled by the compiler
            }
        }

        if (bytes is not null)
        {
            // utf16 without base64: the event text is compared with the encoded bytes as characters.
            texts = [.. bytes.Select(b => new string(b.Select(x => (char)x).ToArray()))];
        }

        if (keyword)
        {
            texts = [.. texts.Select(t => Wrap(t, true, true))];
        }

        return texts;
    }

    private static string Wrap(string t, bool lead, bool trail)
    {
        if (t == Unresolved)
        {
            return t;
        }

        var s = t;
        if (lead && (s.Length == 0 || s[0] != SigmaPattern.Star))
        {
            s = SigmaPattern.Star + s;
        }

        if (trail && (s.Length == 0 || s[^1] != SigmaPattern.Star || s.Length == 1))
        {
            s += SigmaPattern.Star;
        }

        return s;
    }

    private static string NoWildcards(string t, string modifier) => SigmaPattern.HasWildcards(t)
        ? throw new SigmaRuleException($"'{modifier}' cannot encode a value with wildcards ('{SigmaPattern.Display(t)}'); put contains/startswith/endswith after it")
        : t;

    private static List<byte[]> Utf8(List<string> texts, string modifier) => [.. texts.Select(t => Encoding.UTF8.GetBytes(NoWildcards(t, modifier)))];

    /// <summary>The three base64 renderings of a value at byte offsets 0, 1, 2, trimmed to the characters that do not depend on neighbours.</summary>
    private static IEnumerable<string> Base64Offsets(byte[] value)
    {
        int[] start = [0, 2, 3];
        int[] endTrim = [0, 3, 2];
        for (var i = 0; i < 3; i++)
        {
            var padded = new byte[i + value.Length];
            value.CopyTo(padded, i);
            var b64 = Convert.ToBase64String(padded);
            var trim = endTrim[(value.Length + i) % 3];
            var len = b64.Length - start[i] - trim;
            if (len > 0)
            {
                yield return b64.Substring(start[i], len);
            }
        }
    }

    /// <summary>
    /// windash (pySigma's reading): a '-' or '/' at the start of a word (not preceded by a word character,
    /// followed by one) may be any of - / – — ―; every such position varies independently.
    /// </summary>
    private static IEnumerable<string> WinDash(string text)
    {
        var positions = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '-' or '/' && (i == 0 || !IsWord(text[i - 1])) && i + 1 < text.Length && IsWord(text[i + 1]))
            {
                positions.Add(i);
            }
        }

        if (positions.Count == 0 || positions.Count > 4)
        {
            // More than four positions would explode the variants; vary them together instead.
            if (positions.Count > 4)
            {
                foreach (var d in Dashes)
                {
                    var chars = text.ToCharArray();
                    foreach (var p in positions)
                    {
                        chars[p] = d[0];
                    }

                    yield return new string(chars);
                }

                yield break;
            }

            yield return text;
            yield break;
        }

        var total = (int)Math.Pow(Dashes.Length, positions.Count);
        for (var n = 0; n < total; n++)
        {
            var chars = text.ToCharArray();
            var k = n;
            foreach (var p in positions)
            {
                chars[p] = Dashes[k % Dashes.Length][0];
                k /= Dashes.Length;
            }

            yield return new string(chars);
        }
    }

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static List<string> ExpandPlaceholders(List<string> texts, IReadOnlyDictionary<string, IReadOnlyList<string>> placeholders)
    {
        var result = new List<string>();
        foreach (var t in texts)
        {
            var start = t.IndexOf('%', StringComparison.Ordinal);
            var end = start < 0 ? -1 : t.IndexOf('%', start + 1);
            if (end < 0)
            {
                result.Add(t);
                continue;
            }

            var name = t[(start + 1)..end];
            if (!placeholders.TryGetValue(name, out var values) || values.Count == 0)
            {
                result.Add(Unresolved);
                continue;
            }

            foreach (var v in values)
            {
                result.AddRange(ExpandPlaceholders([t[..start] + SigmaPattern.Parse(v) + t[(end + 1)..]], placeholders));
            }
        }

        return result;
    }
}
