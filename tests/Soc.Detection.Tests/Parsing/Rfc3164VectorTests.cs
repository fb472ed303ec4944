using System.Globalization;
using System.Text.Json;
using Soc.Detection.Events;
using Soc.Detection.Parsing;

namespace Soc.Detection.Tests.Parsing;

/// <summary>
/// go-syslog's RFC 3164 cases (go-syslog-rfc3164.jsonl). go-syslog leaves the year at 0000 unless told one; we
/// resolve the year from the clock, so the comparison is on month, day and wall-clock time in the zone the option
/// names (<c>timezone=</c>: read as UTC; <c>locale_timezone=</c>: read in that zone), and on the instant when the
/// line carries a full RFC 3339 stamp.
/// </summary>
public sealed class Rfc3164VectorTests
{
    private static readonly IReadOnlyList<JsonElement> Rows = VectorFile.Read("go-syslog-rfc3164.jsonl");
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Rows.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AgreesWithGoSyslog(int index)
    {
        var row = Rows[index];
        var locale = VectorFile.Option(row, "locale_timezone=");
        var zone = locale is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(locale);
        var ev = new LogEvent();
        Assert.True(Rfc3164Parser.TryParse(VectorFile.Input(row), zone, Now, ev));
        var valid = row.GetProperty("valid").GetBoolean();
        var expected = valid ? row.GetProperty("expected") : row.GetProperty("expected").GetProperty("best_effort_partial");
        Assert.Equal(expected.GetProperty("priority").GetInt64(), ev[EcsFields.LogSyslogPriority]);
        Assert.Equal(expected.GetProperty("facility").GetInt64(), ev[EcsFields.LogSyslogFacilityCode]);
        Assert.Equal(expected.GetProperty("severity").GetInt64(), ev[EcsFields.LogSyslogSeverityCode]);
        if (valid)
        {
            // The one invalid case ("<13>Dec  2 16:31:03 -") is read leniently: "-" becomes the host name.
            Assert.Equal(VectorFile.Text(expected, "hostname"), ev.GetString(EcsFields.LogSyslogHostname));
            Assert.Equal(VectorFile.Text(expected, "appname"), ev.GetString(EcsFields.ProcessName));
            Assert.Equal(VectorFile.Text(expected, "procid"), ev.GetString(EcsFields.LogSyslogProcId));
            Assert.Equal(VectorFile.Text(expected, "message"), ev.Message);
        }

        var text = expected.GetProperty("timestamp").GetString()!;
        if (text.StartsWith("0000", StringComparison.Ordinal) || VectorFile.HasOption(row, "year="))
        {
            // Compare month/day/time; for timezone= the stamp was read as UTC, so compare the UTC wall clock.
            var want = DateTimeOffset.Parse(text.StartsWith("0000", StringComparison.Ordinal) ? "2000" + text[4..] : text, CultureInfo.InvariantCulture);
            var wall = VectorFile.HasOption(row, "timezone=") ? want.UtcDateTime : want.DateTime;
            var ours = ev.Timestamp.DateTime;
            Assert.Equal((wall.Month, wall.Day, wall.TimeOfDay), (ours.Month, ours.Day, ours.TimeOfDay));
            Assert.True(ev.Timestamp <= Now.AddDays(1));
        }
        else
        {
            var want = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
            Assert.Equal(want, ev.Timestamp);
            Assert.Equal(want.Offset, ev.Timestamp.Offset);
        }
    }
}
