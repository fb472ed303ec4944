using System.Globalization;
using System.Text.Json;
using Soc.Detection.Events;
using Soc.Detection.Parsing;

namespace Soc.Detection.Tests.Parsing;

/// <summary>
/// go-syslog's RFC 5424 table (corpus logs/syslog-vectors/go-syslog-rfc5424.jsonl): the same valid/invalid verdict,
/// the same field values for valid lines, and the same best-effort partial fields for invalid ones. Error wording differs.
/// Deliberate reading differences (docs/specs/normalisation.md): the BOM is not kept in message; an SD element without
/// parameters leaves no field; offsets beyond ±14:00 keep the instant (in UTC), not the offset; the best-effort MSG of the
/// compliant-UTF-8 cases is not compared (go-syslog cuts it at the invalid byte).
/// </summary>
public sealed class Rfc5424VectorTests
{
    private static readonly IReadOnlyList<JsonElement> Rows = VectorFile.Read("go-syslog-rfc5424.jsonl");

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Rows.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Fact]
    public void TheTableHoldsAllCases() => Assert.Equal(205, Rows.Count);

    [Theory]
    [MemberData(nameof(Cases))]
    public void AgreesWithGoSyslog(int index)
    {
        var row = Rows[index];
        var ev = new LogEvent();
        var valid = Rfc5424Parser.TryParse(VectorFile.Input(row), ev, out var error, compliantMessage: VectorFile.HasOption(row, "compliant_msg"));
        var expected = row.GetProperty("expected");
        Assert.Equal(row.GetProperty("valid").GetBoolean(), valid);
        if (valid)
        {
            Assert.Null(error);
            AssertFields(expected, ev);
            return;
        }

        Assert.NotNull(error);
        var partial = expected.GetProperty("best_effort_partial");
        if (partial.ValueKind == JsonValueKind.Null)
        {
            Assert.False(ev.Has(EcsFields.LogSyslogVersion));
        }
        else
        {
            // go-syslog cuts a best-effort MSG at the first invalid byte; a decoded string has no such point.
            AssertFields(partial, ev, compareMessage: !VectorFile.HasOption(row, "compliant_msg"));
        }
    }

    internal static void AssertFields(JsonElement expected, LogEvent ev, bool compareMessage = true)
    {
        AssertLong(expected, "priority", ev, EcsFields.LogSyslogPriority);
        AssertLong(expected, "facility", ev, EcsFields.LogSyslogFacilityCode);
        AssertLong(expected, "severity", ev, EcsFields.LogSyslogSeverityCode);
        AssertLong(expected, "version", ev, EcsFields.LogSyslogVersion);
        Assert.Equal(VectorFile.Text(expected, "hostname"), ev.GetString(EcsFields.LogSyslogHostname));
        Assert.Equal(VectorFile.Text(expected, "appname"), ev.GetString(EcsFields.LogSyslogAppName));
        Assert.Equal(VectorFile.Text(expected, "procid"), ev.GetString(EcsFields.LogSyslogProcId));
        Assert.Equal(VectorFile.Text(expected, "msgid"), ev.GetString(EcsFields.LogSyslogMsgId));
        var message = VectorFile.Text(expected, "message");
        if (message is not null && message.StartsWith('\uFEFF'))
        {
            message = message[1..];
        }

        if (compareMessage)
        {
            Assert.Equal(string.IsNullOrEmpty(message) ? null : message, ev.Message);
        }
        if (expected.TryGetProperty("timestamp", out var ts))
        {
            var (utc, offset) = Instant(ts.GetString()!);
            Assert.Equal(utc, ev.Timestamp.UtcDateTime);
            if (Math.Abs(offset.TotalHours) <= 14)
            {
                Assert.Equal(offset, ev.Timestamp.Offset);
            }
        }
        else
        {
            Assert.Equal(default, ev.Timestamp);
        }

        var sdCount = 0;
        if (expected.TryGetProperty("structured_data", out var sd))
        {
            foreach (var element in sd.EnumerateObject())
            {
                foreach (var param in element.Value.EnumerateObject())
                {
                    sdCount++;
                    Assert.Equal(param.Value.GetString(), ev.GetString($"log.syslog.structured_data.{element.Name}.{param.Name}"));
                }
            }
        }

        var ours = 0;
        foreach (var key in ev.Fields.Keys)
        {
            if (key.StartsWith("log.syslog.structured_data.", StringComparison.Ordinal))
            {
                ours++;
            }
        }

        Assert.Equal(sdCount, ours);
    }

    /// <summary>RFC 3339 to (UTC instant, offset); .NET's parser refuses offsets beyond ±14:00, which RFC 5424 allows.</summary>
    private static (DateTime Utc, TimeSpan Offset) Instant(string text)
    {
        if (text.EndsWith('Z'))
        {
            return (DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);
        }

        var sign = text[^6] == '-' ? -1 : 1;
        var offset = sign * new TimeSpan(int.Parse(text[^5..^3], CultureInfo.InvariantCulture), int.Parse(text[^2..], CultureInfo.InvariantCulture), 0);
        var wall = DateTime.Parse(text[..^6], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        return (wall - offset, offset);
    }

    private static void AssertLong(JsonElement expected, string name, LogEvent ev, string field)
    {
        if (expected.TryGetProperty(name, out var v))
        {
            Assert.Equal(v.GetInt64(), ev[field]);
        }
        else
        {
            Assert.False(ev.Has(field), field);
        }
    }
}
