namespace Soc.Detection.Parsing;

/// <summary>
/// Span readers for the timestamp shapes seen in logs: RFC 3339 (strict, for RFC 5424), ISO 8601
/// (lenient, as syslog daemons write it), BSD <c>Mmm dd hh:mm:ss</c> and the year/zone resolution rules.
/// </summary>
internal static class TimestampReader
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

    /// <summary>
    /// BSD stamp <c>Mmm dd hh:mm:ss</c>, leniently: any case month, one or two spaces or a zero before the day,
    /// an optional year between day and time (<c>Mar 7 2008 19:06:53</c>), an optional fraction and an optional trailing colon.
    /// </summary>
    public static bool TryReadBsd(ReadOnlySpan<char> s, out BsdStamp stamp, out int consumed)
    {
        stamp = default;
        consumed = 0;
        var month = MonthOf(s);
        if (month == 0 || s.Length < 7 || s[3] != ' ')
        {
            return false;
        }

        var i = 4;
        if (s[i] == ' ')
        {
            i++;
        }

        if (!ReadNumber(s, ref i, 2, out var day) || day is < 1 or > 31 || i >= s.Length || s[i] != ' ')
        {
            return false;
        }

        i++;
        var year = 0;
        var save = i;
        if (ReadNumber(s, ref i, 4, out var maybeYear) && i - save == 4 && i < s.Length && s[i] == ' ')
        {
            year = maybeYear;
            i++;
        }
        else
        {
            i = save;
        }

        var e = 0;
        if (i + 8 > s.Length || !Digits(s, i, 2, out var hour, ref e) || s[i + 2] != ':' || !Digits(s, i + 3, 2, out var minute, ref e)
            || s[i + 5] != ':' || !Digits(s, i + 6, 2, out var second, ref e) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        i += 8;
        long fractionTicks = 0;
        if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
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

        if (i < s.Length && s[i] == ':')
        {
            i++;
        }

        if (year != 0 && day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        stamp = new BsdStamp(year, month, day, hour, minute, Math.Min(second, 59), fractionTicks);
        consumed = i;
        return true;
    }

    /// <summary>1-based month of a three-letter English abbreviation in any case, or 0.</summary>
    public static int MonthOf(ReadOnlySpan<char> s)
    {
        if (s.Length < 3)
        {
            return 0;
        }

        var key = ((s[0] | 0x20) << 16) | ((s[1] | 0x20) << 8) | (s[2] | 0x20);
        return key switch
        {
            ('j' << 16) | ('a' << 8) | 'n' => 1,
            ('f' << 16) | ('e' << 8) | 'b' => 2,
            ('m' << 16) | ('a' << 8) | 'r' => 3,
            ('a' << 16) | ('p' << 8) | 'r' => 4,
            ('m' << 16) | ('a' << 8) | 'y' => 5,
            ('j' << 16) | ('u' << 8) | 'n' => 6,
            ('j' << 16) | ('u' << 8) | 'l' => 7,
            ('a' << 16) | ('u' << 8) | 'g' => 8,
            ('s' << 16) | ('e' << 8) | 'p' => 9,
            ('o' << 16) | ('c' << 8) | 't' => 10,
            ('n' << 16) | ('o' << 8) | 'v' => 11,
            ('d' << 16) | ('e' << 8) | 'c' => 12,
            _ => 0,
        };
    }

    /// <summary>
    /// The stamp in <paramref name="zone"/>; a missing year is the nearest one that does not put the event more
    /// than a day after <paramref name="now"/> (so a December line read in January lands in the old year).
    /// </summary>
    public static DateTimeOffset Resolve(in BsdStamp stamp, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (stamp.Year != 0)
        {
            return InZone(stamp.ToDateTime(stamp.Year), zone);
        }

        var limit = now.AddDays(1);
        var nowYear = TimeZoneInfo.ConvertTime(now, zone).Year;
        for (var year = nowYear + 1; year >= nowYear - 8; year--)
        {
            if (stamp.Day > DateTime.DaysInMonth(year, stamp.Month))
            {
                continue; // 29 Feb: walk back to a leap year.
            }

            var value = InZone(stamp.ToDateTime(year), zone);
            if (value <= limit)
            {
                return value;
            }
        }

        return InZone(stamp.ToDateTime(nowYear), zone);
    }

    /// <summary>Wall-clock time read in a zone; a time skipped by a DST jump takes the offset before the jump.</summary>
    public static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        var offset = zone.IsInvalidTime(local) ? zone.GetUtcOffset(local.AddHours(-3)) : zone.GetUtcOffset(local);
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
