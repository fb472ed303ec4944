using System.Globalization;
using System.Text.RegularExpressions;
using Soc.Detection.Events;
using Soc.Detection.Parsing;
using Soc.Detection.Tests.Support;

namespace Soc.Detection.Tests.Parsing;

/// <summary>
/// loghub's Linux, OpenSSH and Apache (error) samples: every line becomes an event (no parse failure) with the time,
/// host, program, pid and text loghub's structured CSV gives it, plus the fields its template implies (user, source
/// address and port, outcome) — the expected values are taken from the line's own Content by the template's shape.
/// </summary>
public sealed partial class LoghubTests
{
    private static readonly EventNormalizer Normalizer = new(new FixedClock(new DateTimeOffset(2005, 12, 31, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void EveryLinuxLineParsesWithItsHeaderFields()
    {
        var rows = CsvFile.Read("logs", "loghub", "Linux", "Linux_2k.log_structured.csv");
        var lines = File.ReadAllLines(RepoPaths.CorpusFile("logs", "loghub", "Linux", "Linux_2k.log"));
        Assert.Equal(2000, lines.Length);
        Assert.Equal(lines.Length, rows.Count);
        var withUser = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var row = rows[i];
            var ev = Parse("system.syslog", lines[i]);
            AssertStamp(row["Month"], row["Date"], row["Time"], ev, lines[i]);
            Assert.Equal(row["Level"], ev.GetString(EcsFields.LogSyslogHostname)); // loghub's "Level" column holds the host.
            Assert.Equal(row["Component"], ev.GetString(EcsFields.ProcessName));
            Assert.Equal(row["PID"].Length == 0 ? null : long.Parse(row["PID"], CultureInfo.InvariantCulture), ev[EcsFields.ProcessPid]);
            Assert.Equal(row["Content"].Trim(), ev.Message!.Trim());
            var content = row["Content"];
            var m = RhostUser().Match(content);
            if (m.Success)
            {
                Assert.Equal("failure", ev.GetString(EcsFields.EventOutcome));
                Assert.Equal(m.Groups["host"].Value, ev.GetString(EcsFields.SourceAddress));
                Assert.Equal(m.Groups["user"].Success ? m.Groups["user"].Value : null, ev.GetString(EcsFields.UserName));
            }

            m = Session().Match(content);
            if (m.Success)
            {
                Assert.Equal(m.Groups["user"].Value, ev.GetString(EcsFields.UserName));
                Assert.Equal(m.Groups["what"].Value == "opened" ? "start" : "end", ((IReadOnlyList<object?>)ev[EcsFields.EventType]!)[0]);
                withUser++;
            }
        }

        Assert.True(withUser > 100);
    }

    [Fact]
    public void EveryOpenSshLineParsesWithTheFieldsItsTemplateImplies()
    {
        var rows = CsvFile.Read("logs", "loghub", "OpenSSH", "OpenSSH_2k.log_structured.csv");
        var lines = File.ReadAllLines(RepoPaths.CorpusFile("logs", "loghub", "OpenSSH", "OpenSSH_2k.log"));
        Assert.Equal(2000, lines.Length);
        var checkedTemplates = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var row = rows[i];
            var ev = Parse("system.auth", lines[i]);
            AssertStamp(row["Date"], row["Day"], row["Time"], ev, lines[i]);
            Assert.Equal(row["Component"], ev.GetString(EcsFields.LogSyslogHostname));
            Assert.Equal("sshd", ev.GetString(EcsFields.ProcessName));
            Assert.Equal(long.Parse(row["Pid"], CultureInfo.InvariantCulture), ev[EcsFields.ProcessPid]);
            Assert.Equal("system.auth", ev.GetString(EcsFields.EventDataset));
            Assert.Equal(row["Content"].Trim(), ev.Message!.Trim());
            if (CheckTemplate(row["EventId"], row["Content"], ev))
            {
                checkedTemplates.Add(row["EventId"]);
            }
        }

        // Every template except E11 ("fatal: Write failed") and E18 ("ignoring max retries") names a user or a peer.
        Assert.Equal(25, checkedTemplates.Count);
    }

    [Fact]
    public void EveryApacheErrorLineParsesWithLevelAndClient()
    {
        var rows = CsvFile.Read("logs", "loghub", "Apache", "Apache_2k.log_structured.csv");
        var lines = File.ReadAllLines(RepoPaths.CorpusFile("logs", "loghub", "Apache", "Apache_2k.log"));
        Assert.Equal(2000, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var row = rows[i];
            var ev = Parse("apache.error", lines[i]);
            var want = DateTime.ParseExact(row["Time"], "ddd MMM dd HH:mm:ss yyyy", CultureInfo.InvariantCulture);
            Assert.Equal(new DateTimeOffset(want, TimeSpan.FromHours(7)), ev.Timestamp);
            Assert.Equal(row["Level"], ev.GetString(EcsFields.LogLevel));
            var client = ClientPrefix().Match(row["Content"]);
            if (client.Success)
            {
                Assert.Equal(client.Groups["ip"].Value, ev.GetString(EcsFields.SourceIp));
                Assert.Equal(row["Content"][client.Length..].Trim(), ev.Message);
            }
            else
            {
                Assert.Equal(row["Content"].Trim(), ev.Message);
            }
        }
    }

    private static LogEvent Parse(string type, string line)
    {
        var ev = Normalizer.Normalize(new RawRecord("1", type, "collector", "/var/log/x", DateTimeOffset.UnixEpoch, RawRecord.DefaultTimeZone, line));
        Assert.False(ev.Has(EcsFields.Tags), "parse failure: " + line);
        Assert.Equal(line, ev.GetString(EcsFields.EventOriginal));
        return ev;
    }

    private static void AssertStamp(string month, string day, string time, LogEvent ev, string line)
    {
        var want = $"{month} {int.Parse(day, CultureInfo.InvariantCulture):00} {time}";
        Assert.True(want == ev.Timestamp.ToString("MMM dd HH:mm:ss", CultureInfo.InvariantCulture), line);
        Assert.Equal(TimeSpan.FromHours(7), ev.Timestamp.Offset);
        Assert.True(ev.Timestamp <= new DateTimeOffset(2006, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(RawRecord.DefaultTimeZone, ev.GetString(EcsFields.EventTimezone));
    }

    /// <summary>Checks the template's fields; returns false for templates that carry none.</summary>
    private static bool CheckTemplate(string id, string content, LogEvent ev)
    {
        var user = ev.GetString(EcsFields.UserName);
        var address = ev.GetString(EcsFields.SourceAddress);
        Match m;
        switch (id)
        {
            case "E1" or "E8" or "E9" or "E10":
                m = PasswordLine().Match(content);
                Assert.True(m.Success);
                Assert.Equal(Absent(m.Groups["user"].Value), user);
                Assert.Equal(m.Groups["ip"].Value, ev.GetString(EcsFields.SourceIp));
                Assert.Equal(long.Parse(m.Groups["port"].Value, CultureInfo.InvariantCulture), ev[EcsFields.SourcePort]);
                Assert.Equal(id == "E1" ? "success" : "failure", ev.GetString(EcsFields.EventOutcome));
                return true;
            case "E14":
                m = PasswordLine().Match(content);
                Assert.Equal("root", user);
                Assert.Equal(m.Groups["ip"].Value, ev.GetString(EcsFields.SourceIp));
                Assert.Equal("failure", ev.GetString(EcsFields.EventOutcome));
                return true;
            case "E13":
                m = InvalidUser().Match(content);
                Assert.Equal(Absent(m.Groups["user"].Value), user);
                Assert.Equal(m.Groups["ip"].Value, ev.GetString(EcsFields.SourceIp));
                Assert.Equal("failure", ev.GetString(EcsFields.EventOutcome));
                return true;
            case "E12":
                Assert.Equal(Absent(content.Split(' ')[3]), user);
                return true;
            case "E4" or "E5":
                Assert.Equal(id == "E4" ? "admin" : "root", user);
                return true;
            case "E2" or "E3" or "E6" or "E7" or "E24" or "E25" or "E26" or "E27":
                m = FirstIp().Match(content);
                Assert.Equal(m.Value, ev.GetString(EcsFields.SourceIp));
                return true;
            case "E15" or "E16" or "E17" or "E19" or "E20":
                m = RhostUser().Match(content);
                Assert.Equal(m.Groups["host"].Value, address);
                Assert.Equal(m.Groups["user"].Success ? m.Groups["user"].Value : null, user);
                Assert.Equal("failure", ev.GetString(EcsFields.EventOutcome));
                return true;
            case "E21":
                Assert.Equal("failure", ev.GetString(EcsFields.EventOutcome));
                return true;
            case "E22" or "E23":
                Assert.Equal(Session().Match(content).Groups["user"].Value, user);
                return true;
            default:
                return false;
        }
    }

    private static string? Absent(string value) => value.Length == 0 ? null : value;

    [GeneratedRegex(@"rhost=(?<host>\S+)(?:\s+user=(?<user>\S+))?")]
    private static partial Regex RhostUser();

    [GeneratedRegex(@"session (?<what>opened|closed) for user (?<user>[^\s(]+)")]
    private static partial Regex Session();

    [GeneratedRegex(@"(?:Accepted|Failed) \w+ for (?:invalid user )?(?<user>.*?) from (?<ip>\S+) port (?<port>\d+)")]
    private static partial Regex PasswordLine();

    [GeneratedRegex(@"^Invalid user (?<user>.*?) from (?<ip>\S+)")]
    private static partial Regex InvalidUser();

    [GeneratedRegex(@"\d+\.\d+\.\d+\.\d+")]
    private static partial Regex FirstIp();

    [GeneratedRegex(@"^\[client (?<ip>[^\]]+)\] ")]
    private static partial Regex ClientPrefix();
}
