using System.Globalization;
using Soc.Detection.Events;

namespace Soc.Detection.Matching;

/// <summary>
/// Applies a <see cref="ValueMatcher"/> to an event value of any LogEvent type. Numbers and booleans are
/// formatted into a stack buffer, so loose number/string comparison allocates nothing.
/// </summary>
public static class EventValues
{
    public static bool Test(object? value, ValueMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        switch (value)
        {
            case string s:
                return matcher.Match(s);
            case long l:
                {
                    Span<char> buf = stackalloc char[24];
                    l.TryFormat(buf, out var n, default, CultureInfo.InvariantCulture);
                    return matcher.MatchNumber(l, buf[..n]);
                }

            case int i:
                {
                    Span<char> buf = stackalloc char[16];
                    i.TryFormat(buf, out var n, default, CultureInfo.InvariantCulture);
                    return matcher.MatchNumber(i, buf[..n]);
                }

            case double d:
                {
                    Span<char> buf = stackalloc char[32];
                    d.TryFormat(buf, out var n, default, CultureInfo.InvariantCulture);
                    return matcher.MatchNumber(d, buf[..n]);
                }

            case bool b:
                return matcher.Match(b ? "true" : "false");
            case IReadOnlyList<object?> list:
                for (var k = 0; k < list.Count; k++)
                {
                    if (list[k] is not null && Test(list[k], matcher))
                    {
                        return true;
                    }
                }

                return false;
            case null:
                return false;
            default:
                return matcher.Match(Convert.ToString(value, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The value as text for alerts (not used on the hot path).</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IReadOnlyList<object?> list => string.Join(", ", list.Select(Format)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Looks up the first present field among the (mapped) names.</summary>
    public static bool TryGet(LogEvent ev, string[] fields, out object? value)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var f in fields)
        {
            if (ev.TryGet(f, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }
}
