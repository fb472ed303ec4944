namespace Soc.Detection.Parsing;

/// <summary>BSD syslog stamps and the missing-year rule.</summary>
internal static partial class TimestampReader
{
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
}
