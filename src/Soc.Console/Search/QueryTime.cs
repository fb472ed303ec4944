using System.Globalization;

namespace Soc.Console.Search;

/// <summary>Times in queries and in <c>from</c>/<c>to</c>: RFC 3339, a date, Unix milliseconds, or relative to now (<c>now-15m</c>, <c>now-2h</c>, <c>now-7d</c>).</summary>
public static class QueryTime
{
    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.StartsWith("now", StringComparison.OrdinalIgnoreCase))
        {
            var rest = text[3..];
            if (rest.Length == 0)
            {
                time = now;
                return true;
            }

            if (rest.Length >= 3 && rest[0] is '-' or '+' && long.TryParse(rest[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                var span = rest[^1] switch
                {
                    's' => TimeSpan.FromSeconds(n),
                    'm' => TimeSpan.FromMinutes(n),
                    'h' => TimeSpan.FromHours(n),
                    'd' => TimeSpan.FromDays(n),
                    _ => (TimeSpan?)null,
                };
                if (span is TimeSpan s)
                {
                    time = rest[0] == '-' ? now - s : now + s;
                    return true;
                }
            }

            return false;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            time = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }
}
