using System.Text.Json;
using Soc.Detection.Events;
using Soc.Detection.Parsing;

namespace Soc.Detection.Tests.Parsing;

/// <summary>
/// rsyslog's lenient legacy-syslog readings (rsyslog-parser-cases.jsonl), through the same path the normaliser uses for
/// network syslog (<see cref="SyslogParser"/>). Each test's parser options are applied: rsyslog reads a tag without a
/// colon by default, so <c>tagNeedsColon</c> is off except for the <c>force.tagEndingByColon</c> test. Messages are compared
/// without leading spaces (ECS message is trimmed; rsyslog keeps the separator). <c>{LOCAL_HOSTNAME}</c> means no host name.
/// </summary>
public sealed class RsyslogVectorTests
{
    private static readonly IReadOnlyList<JsonElement> Rows = VectorFile.Read("rsyslog-parser-cases.jsonl");
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Cases whose expected line is ambiguous to split by the template, written out from that line.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Split = new(StringComparer.Ordinal)
    {
        ["<167>Oct  8 23:05:06 10.321.1.123 05\",result_code=200,b"] = new() { ["hostname"] = "10.321.1.123", ["programname"] = "05\",result_code=200,b", ["msg"] = string.Empty },
        ["<175>Oct 16 2009 23:47:31 hostname tag This is a message"] = new() { ["hostname"] = "hostname", ["programname"] = "tag", ["msg"] = " This is a message" },
        ["<175>Oct 16 2009 23:47:31 hostname tag[1234] This is a message"] = new() { ["hostname"] = "hostname", ["programname"] = "tag", ["msg"] = " This is a message" },
        ["<129>Mar 10 01:00:00 Hostname1  msgnum:1"] = new() { ["hostname"] = "Hostname1", ["msg"] = "  msgnum:1" },
        ["<129>Mar 10 01:00:00 Hostname2   msgnum:2"] = new() { ["hostname"] = "Hostname2", ["msg"] = "   msgnum:2" },
        ["<129>Mar 10 01:00:00 Hostname3 tag msgnum:3"] = new() { ["hostname"] = "Hostname3", ["msg"] = " tag msgnum:3" },
        ["<129>Mar 10 01:00:00 Hostname4 tag: msg"] = new() { ["hostname"] = "Hostname4", ["programname"] = "tag", ["msg"] = " msg" },
    };

    /// <summary>The cases read differently on purpose (docs/specs/normalisation.md lists them with the reasons).</summary>
    private static readonly HashSet<string> ReadDifferently = new(StringComparer.Ordinal)
    {
        "<6>AUG 10 22:18:24 host tag This msg contains 8-bit European chars: äöü",
        "This is a message!",
    };

    [Fact]
    public void ReadsTheListedCasesDifferentlyOnPurpose()
    {
        // 8-bit text stays UTF-8 (rsyslog's parse_8bit_escape test switches on #ooo escaping for display).
        var ev = new LogEvent();
        Assert.True(Rfc3164Parser.TryParse("<6>AUG 10 22:18:24 host tag This msg contains 8-bit European chars: äöü", TimeZoneInfo.Utc, Now, ev, Rfc3164Mode.Network, tagNeedsColon: false));
        Assert.Equal("This msg contains 8-bit European chars: äöü", ev.Message);

        // No PRI and no time stamp: nothing says this is syslog, so no host name or tag is guessed; the normaliser
        // keeps the line as a parse failure instead of calling "This" a host.
        Assert.False(Rfc3164Parser.TryParse("This is a message!", TimeZoneInfo.Utc, Now, new LogEvent()));
        Assert.Contains(2, new[] { Rows.Count(r => ReadDifferently.Contains(VectorFile.Input(r))) });
    }

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
    public void ReadsLikeRsyslog(int index)
    {
        var row = Rows[index];
        var input = VectorFile.Input(row);
        var test = row.GetProperty("test").GetString();
        if (ReadDifferently.Contains(input))
        {
            return; // See ReadsTheListedCasesDifferentlyOnPurpose.
        }

        var ev = new LogEvent();
        Assert.True(Parse(input, ev, tagNeedsColon: test == "pmrfc3164-defaultTag"));
        var expected = row.GetProperty("expected");
        var fields = Split.TryGetValue(input, out var written) ? written : Fields(expected);
        if (fields.TryGetValue("PRI", out var pri))
        {
            Assert.Equal(long.Parse(pri, System.Globalization.CultureInfo.InvariantCulture), ev[EcsFields.LogSyslogPriority]);
        }

        if (fields.TryGetValue("syslogfacility-text", out var facility))
        {
            Assert.Equal(facility, ev.GetString(EcsFields.LogSyslogFacilityName));
        }

        if (fields.TryGetValue("syslogseverity-text", out var severity))
        {
            Assert.Equal(severity, ev.GetString(EcsFields.LogSyslogSeverityName));
        }

        if (fields.TryGetValue("timestamp", out var stamp))
        {
            var month = TimestampMonth(stamp);
            Assert.Equal(month, ev.Timestamp.Month);
            Assert.Equal(int.Parse(stamp.AsSpan(4, 2).Trim(), System.Globalization.CultureInfo.InvariantCulture), ev.Timestamp.Day);
            Assert.Equal(stamp[7..], ev.Timestamp.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (fields.TryGetValue("hostname", out var host))
        {
            Assert.Equal(host == "{LOCAL_HOSTNAME}" ? null : host, ev.GetString(EcsFields.LogSyslogHostname));
        }

        if (fields.TryGetValue("programname", out var program))
        {
            Assert.Equal(program.Length == 0 ? null : program, ev.GetString(EcsFields.ProcessName));
        }

        if (fields.TryGetValue("msg", out var msg))
        {
            Assert.Equal(msg.TrimStart(' '), (ev.Message ?? string.Empty).TrimStart(' '));
        }
    }

    private static bool Parse(string input, LogEvent ev, bool tagNeedsColon)
    {
        // SyslogParser always requires the colon; rsyslog's default reading is the RFC 3164 parser with it off.
        if (tagNeedsColon || Rfc5424Parser.LooksLikeRfc5424(input))
        {
            return SyslogParser.TryParse(input, TimeZoneInfo.Utc, Now, ev, Rfc3164Mode.Network);
        }

        return Rfc3164Parser.TryParse(input, TimeZoneInfo.Utc, Now, ev, Rfc3164Mode.Network, tagNeedsColon: false);
    }

    private static int TimestampMonth(string stamp) => Array.IndexOf(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], stamp[..3]) + 1;

    private static Dictionary<string, string> Fields(JsonElement expected)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (expected.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in f.EnumerateObject())
            {
                result[p.Name] = p.Value.GetString()!;
            }

            return result;
        }

        // Single-property templates: "-%hostname%-", "-%msg%-", "%msg%", "%msg%--END".
        var template = expected.GetProperty("output_template").GetString()!.Replace("\\n", string.Empty, StringComparison.Ordinal);
        var line = expected.GetProperty("output_line").GetString()!;
        var open = template.IndexOf('%', StringComparison.Ordinal);
        var close = template.IndexOf('%', open + 1);
        var prefix = template[..open];
        var suffix = template[(close + 1)..];
        result[template[(open + 1)..close]] = line[prefix.Length..(line.Length - suffix.Length)];
        return result;
    }
}
