namespace Soc.Detection.Parsing;

/// <summary>
/// Writes <c>@timestamp</c> as ISO 8601 with the event's own offset (<c>2026-11-21T10:15:32.25+07:00</c>, fraction
/// trimmed, no fraction when whole). Hand-rolled: a custom DateTimeOffset format string costs more than the parse.
/// </summary>
internal static class TimestampFormatter
{
    public static string Format(DateTimeOffset value)
    {
        var wall = value.DateTime;
        var fraction = (int)(wall.Ticks % TimeSpan.TicksPerSecond);
        var digits = 7;
        while (fraction != 0 && fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }

        var length = 19 + (fraction == 0 ? 0 : digits + 1) + 6;
        return string.Create(length, (value, fraction, digits), static (span, state) =>
        {
            var (v, frac, n) = state;
            var d = v.DateTime;
            Write(span, 0, d.Year, 4);
            span[4] = '-';
            Write(span, 5, d.Month, 2);
            span[7] = '-';
            Write(span, 8, d.Day, 2);
            span[10] = 'T';
            Write(span, 11, d.Hour, 2);
            span[13] = ':';
            Write(span, 14, d.Minute, 2);
            span[16] = ':';
            Write(span, 17, d.Second, 2);
            var i = 19;
            if (frac != 0)
            {
                span[i++] = '.';
                Write(span, i, frac, n);
                i += n;
            }

            var minutes = (int)v.Offset.TotalMinutes;
            span[i] = minutes < 0 ? '-' : '+';
            minutes = Math.Abs(minutes);
            Write(span, i + 1, minutes / 60, 2);
            span[i + 3] = ':';
            Write(span, i + 4, minutes % 60, 2);
        });
    }

    private static void Write(Span<char> span, int at, int value, int width)
    {
        for (var k = width - 1; k >= 0; k--)
        {
            span[at + k] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
