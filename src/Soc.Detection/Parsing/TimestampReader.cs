namespace Soc.Detection.Parsing;

/// <summary>
/// Span readers for the timestamp shapes seen in logs: RFC 3339 (strict, for RFC 5424), ISO 8601
/// (lenient, as syslog daemons write it), BSD <c>Mmm dd hh:mm:ss</c> and the year/zone resolution rules.
/// </summary>
internal static partial class TimestampReader
{
    /// <summary>
    /// RFC 5424 TIMESTAMP (RFC 3339 with at most 6 fraction digits, upper-case T and Z, offset within ±23:59).
    /// Offsets beyond ±14:00 cannot be held by <see cref="DateTimeOffset"/>: the instant is kept in UTC.
    /// </summary>
    public static bool TryReadRfc3339(ReadOnlySpan<char> s, out DateTimeOffset value, out int consumed, out int errorAt)
    {
        value = default;
        consumed = 0;
        errorAt = 0;
        if (!Digits(s, 0, 4, out var year, ref errorAt) || !Expect(s, 4, '-', ref errorAt)
            || !Digits(s, 5, 2, out var month, ref errorAt) || month is < 1 or > 12 || !Expect(s, 7, '-', ref errorAt)
            || !Digits(s, 8, 2, out var day, ref errorAt) || day is < 1 or > 31 || !Expect(s, 10, 'T', ref errorAt)
            || !Digits(s, 11, 2, out var hour, ref errorAt) || hour > 23 || !Expect(s, 13, ':', ref errorAt)
            || !Digits(s, 14, 2, out var minute, ref errorAt) || minute > 59 || !Expect(s, 16, ':', ref errorAt)
            || !Digits(s, 17, 2, out var second, ref errorAt) || second > 59)
        {
            errorAt = Math.Max(errorAt, 0);
            return false;
        }

        var i = 19;
        long fractionTicks = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var start = i;
            var scale = 1_000_000L;
            while (i < s.Length && char.IsAsciiDigit(s[i]) && i - start < 6)
            {
                fractionTicks += (s[i] - '0') * scale;
                scale /= 10;
                i++;
            }

            if (i == start || (i < s.Length && char.IsAsciiDigit(s[i])))
            {
                errorAt = i;
                return false;
            }
        }

        if (!TryReadOffset(s, ref i, strict: true, out var offsetMinutes, out var hasOffset) || !hasOffset)
        {
            errorAt = i;
            return false;
        }

        if (day > DateTime.DaysInMonth(year == 0 ? 2000 : year, month) || year == 0)
        {
            errorAt = -1;
            return false;
        }

        value = Build(year, month, day, hour, minute, second, fractionTicks, offsetMinutes);
        consumed = i;
        return true;
    }

    /// <summary>
    /// Lenient ISO 8601 as written by rsyslog/journald and seen in files: <c>YYYY-MM-DD[T ]hh:mm:ss[.f…][Z|±hh[:]mm]</c>.
    /// Without an offset the time is read in <paramref name="zone"/> and <paramref name="zoneAssumed"/> is set.
    /// </summary>
    public static bool TryReadIso8601(ReadOnlySpan<char> s, TimeZoneInfo zone, out DateTimeOffset value, out int consumed, out bool zoneAssumed)
    {
        value = default;
        consumed = 0;
        zoneAssumed = false;
        var e = 0;
        if (s.Length < 19 || !Digits(s, 0, 4, out var year, ref e) || s[4] != '-' || !Digits(s, 5, 2, out var month, ref e)
            || s[7] != '-' || !Digits(s, 8, 2, out var day, ref e) || (s[10] != 'T' && s[10] != ' ' && s[10] != 't')
            || !Digits(s, 11, 2, out var hour, ref e) || s[13] != ':' || !Digits(s, 14, 2, out var minute, ref e)
            || s[16] != ':' || !Digits(s, 17, 2, out var second, ref e)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        second = Math.Min(second, 59);
        var i = 19;
        long fractionTicks = 0;
        if (i < s.Length && (s[i] == '.' || s[i] == ','))
        {
            i++;
            var scale = 1_000_000L;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                fractionTicks += (s[i] - '0') * scale;
                scale /= 10;
                i++;
            }
        }

        if (!TryReadOffset(s, ref i, strict: false, out var offsetMinutes, out var hasOffset))
        {
            return false;
        }

        consumed = i;
        if (hasOffset)
        {
            value = Build(year, month, day, hour, minute, second, fractionTicks, offsetMinutes);
            return true;
        }

        zoneAssumed = true;
        value = InZone(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks), zone);
        return true;
    }

    /// <summary>Wall-clock time read in a zone; a time skipped by a DST jump takes the offset before the jump.</summary>
    public static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        var offset = zone.SupportsDaylightSavingTime && zone.IsInvalidTime(local) ? zone.GetUtcOffset(local.AddHours(-3)) : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>Reads <c>Z</c>, <c>±hh:mm</c> or (lenient) <c>±hhmm</c>/<c>±hh</c>; absence is not an error.</summary>
    private static bool TryReadOffset(ReadOnlySpan<char> s, ref int i, bool strict, out int minutes, out bool present)
    {
        minutes = 0;
        present = false;
        if (i >= s.Length)
        {
            return true;
        }

        var c = s[i];
        if (c == 'Z' || (!strict && c == 'z'))
        {
            i++;
            present = true;
            return true;
        }

        if (c != '+' && c != '-')
        {
            return true;
        }

        var e = 0;
        var sign = c == '-' ? -1 : 1;
        if (!Digits(s, i + 1, 2, out var hh, ref e) || hh > 23)
        {
            i = Math.Max(e, i + 1);
            return false;
        }

        var j = i + 3;
        var mm = 0;
        if (j < s.Length && s[j] == ':')
        {
            if (!Digits(s, j + 1, 2, out mm, ref e) || mm > 59)
            {
                i = Math.Max(e, j + 1);
                return false;
            }

            j += 3;
        }
        else if (strict)
        {
            i = j;
            return false;
        }
        else if (Digits(s, j, 2, out var compact, ref e) && compact <= 59)
        {
            mm = compact;
            j += 2;
        }

        minutes = sign * ((hh * 60) + mm);
        present = true;
        i = j;
        return true;
    }

    private static DateTimeOffset Build(int year, int month, int day, int hour, int minute, int second, long fractionTicks, int offsetMinutes)
    {
        var wall = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        if (Math.Abs(offsetMinutes) <= 14 * 60)
        {
            return new DateTimeOffset(wall, TimeSpan.FromMinutes(offsetMinutes));
        }

        return new DateTimeOffset(wall.AddMinutes(-offsetMinutes), TimeSpan.Zero);
    }

    private static bool Digits(ReadOnlySpan<char> s, int at, int count, out int value, ref int errorAt)
    {
        value = 0;
        for (var k = 0; k < count; k++)
        {
            if (at + k >= s.Length || !char.IsAsciiDigit(s[at + k]))
            {
                errorAt = at + k;
                return false;
            }

            value = (value * 10) + (s[at + k] - '0');
        }

        return true;
    }

    private static bool Expect(ReadOnlySpan<char> s, int at, char c, ref int errorAt)
    {
        if (at < s.Length && s[at] == c)
        {
            return true;
        }

        errorAt = at;
        return false;
    }

    private static bool ReadNumber(ReadOnlySpan<char> s, ref int i, int maxDigits, out int value)
    {
        value = 0;
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]) && i - start < maxDigits)
        {
            value = (value * 10) + (s[i] - '0');
            i++;
        }

        return i > start;
    }
}
