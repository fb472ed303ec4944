using System.Text;
using Soc.Detection.Events;

namespace Soc.Detection.Parsing;

/// <summary>
/// RFC 5424 STRUCTURED-DATA, flattened to <c>log.syslog.structured_data.&lt;SD-ID&gt;.&lt;PARAM-NAME&gt;</c>.
/// An element without parameters leaves no field (a flat event cannot hold an empty object).
/// </summary>
internal static class StructuredData
{
    public const string Prefix = "log.syslog.structured_data.";

    public static bool TryRead(ReadOnlySpan<char> s, ref int i, LogEvent ev, out string? error, bool lenient = false)
    {
        if (i < s.Length && s[i] == '-')
        {
            i++;
            error = null;
            return true;
        }

        if (i >= s.Length || s[i] != '[')
        {
            return Rfc5424Parser.Fail("expecting a structured data section containing one or more elements (`[id( key=\"value\")*]+`) or a nil value", i, out error);
        }

        List<string>? seen = null;
        while (i < s.Length && s[i] == '[')
        {
            i++;
            var idStart = i;
            if (!Name(s, ref i))
            {
                return Rfc5424Parser.Fail("expecting a structured data element id (from 1 to max 32 US-ASCII characters; except `=`, ` `, `]`, and `\"`", i, out error);
            }

            var id = s[idStart..i].ToString();
            seen ??= new List<string>(2);
            if (seen.Contains(id))
            {
                return Rfc5424Parser.Fail("duplicate structured data element id", i, out error);
            }

            seen.Add(id);
            while (i < s.Length && s[i] == ' ')
            {
                i++;
                var nameStart = i;
                var nameOk = Name(s, ref i);
                var name = s[nameStart..i];
                if (!nameOk || !Assign(s, ref i, lenient))
                {
                    return Rfc5424Parser.Fail("expecting a structured data parameter (`key=\"value\"`, both part from 1 to max 32 US-ASCII characters; key cannot contain `=`, ` `, `]`, and `\"`, while value cannot contain `]`, backslash, and `\"` unless escaped)", i, out error);
                }

                if (!Value(s, ref i, out var value, out error))
                {
                    return false;
                }

                ev.Set(string.Concat(Prefix, id, ".", name), value);
            }

            if (i >= s.Length || s[i] != ']')
            {
                return Rfc5424Parser.Fail("expecting a structured data parameter (`key=\"value\"`, both part from 1 to max 32 US-ASCII characters; key cannot contain `=`, ` `, `]`, and `\"`, while value cannot contain `]`, backslash, and `\"` unless escaped)", i, out error);
            }

            i++;
        }

        error = null;
        return true;
    }

    /// <summary>Drops the structured-data fields of a failed read.</summary>
    public static void RemoveAll(LogEvent ev)
    {
        List<string>? keys = null;
        foreach (var key in ev.Fields.Keys)
        {
            if (key.StartsWith(Prefix, StringComparison.Ordinal))
            {
                (keys ??= []).Add(key);
            }
        }

        if (keys is not null)
        {
            foreach (var key in keys)
            {
                ev.Remove(key);
            }
        }
    }

    /// <summary><c>="</c>; lenient (as rsyslog) also takes spaces around the equals sign.</summary>
    private static bool Assign(ReadOnlySpan<char> s, ref int i, bool lenient)
    {
        var j = i;
        if (lenient)
        {
            SkipSpaces(s, ref j);
        }

        if (j >= s.Length || s[j] != '=')
        {
            return false;
        }

        j++;
        if (lenient)
        {
            SkipSpaces(s, ref j);
        }

        if (j >= s.Length || s[j] != '"')
        {
            return false;
        }

        i = j + 1;
        return true;
    }

    private static void SkipSpaces(ReadOnlySpan<char> s, ref int i)
    {
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }
    }

    private static bool Name(ReadOnlySpan<char> s, ref int i)
    {
        var start = i;
        while (i < s.Length && s[i] is > ' ' and <= '~' and not '=' and not ']' and not '"')
        {
            i++;
        }

        return i > start && i - start <= 32;
    }

    /// <summary>PARAM-VALUE after the opening quote: <c>\"</c>, <c>\\</c> and <c>\]</c> are escapes; a bare <c>]</c> or another escape is an error.</summary>
    private static bool Value(ReadOnlySpan<char> s, ref int i, out string value, out string? error)
    {
        var start = i;
        StringBuilder? sb = null;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '"')
            {
                value = sb is null ? s[start..i].ToString() : sb.ToString();
                i++;
                if (i < s.Length && s[i] != ' ' && s[i] != ']')
                {
                    return Rfc5424Parser.Fail("expecting a structured data parameter (`key=\"value\"`, both part from 1 to max 32 US-ASCII characters; key cannot contain `=`, ` `, `]`, and `\"`, while value cannot contain `]`, backslash, and `\"` unless escaped)", i, out error);
                }

                error = null;
                return true;
            }

            if (c == ']' || (c == '\\' && (i + 1 >= s.Length || s[i + 1] is not ('"' or '\\' or ']'))))
            {
                break;
            }

            if (c == '\\')
            {
                sb ??= new StringBuilder().Append(s[start..i]);
                sb.Append(s[i + 1]);
                i += 2;
                continue;
            }

            sb?.Append(c);
            i++;
        }

        value = string.Empty;
        return Rfc5424Parser.Fail("expecting chars `]`, `\"`, and `\\` to be escaped within param value", i, out error);
    }
}
