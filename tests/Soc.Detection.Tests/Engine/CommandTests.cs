using System.Text.Json;
using Soc.Detection.Engine;
using Soc.Detection.Tests.Sigma;

namespace Soc.Detection.Tests.Engine;

public sealed class CommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("soc-cmd-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private const string GoodRule = "title: Good\nid: good-1\nauthor: Ann\nlevel: high\ndetection:\n    keywords:\n        - 'Failed password'\n    condition: keywords\n";

    [Fact]
    public void RulesCheckPrintsEachFailureAndTheLoadedCount()
    {
        Write("rules/good.yml", GoodRule);
        Write("rules/bad.yml", "title: Bad\ndetection:\n    sel:\n        f|nope: x\n    condition: sel\n");
        Write("rules/cond.yml", "title: Cond\ndetection:\n    sel:\n        f: x\n    condition: sel and other\n");
        Write("rules/good.tests.yml", "not: [a, rule");
        var stdout = new StringWriter();
        var code = RuleCheckCommand.Run([Path.Combine(_dir, "rules")], stdout, new StringWriter());
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, code);
        Assert.Contains(lines, l => l.Contains("bad.yml:4: unknown modifier 'nope'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("cond.yml", StringComparison.Ordinal) && l.Contains("'other'", StringComparison.Ordinal));
        Assert.Equal("loaded 1 of 3 rules", lines[^1]);
    }

    [Fact]
    public void RulesCheckOverTheCorpusReportsTheOneLegacyRule()
    {
        var stdout = new StringWriter();
        var code = RuleCheckCommand.Run([.. CorpusLoadTests.RuleFolders.Select(f => Support.RepoPaths.CorpusFile("sigma", f))], stdout, new StringWriter());
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, code);
        Assert.Equal(2, lines.Length);
        Assert.Contains("generic_brute_force.yml", lines[0], StringComparison.Ordinal);
        Assert.Equal("loaded 3951 of 3952 rules", lines[1]);
    }

    [Fact]
    public void RulesCheckRejectsMissingPaths()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, RuleCheckCommand.Run([Path.Combine(_dir, "missing")], new StringWriter(), stderr));
        Assert.Contains("no such file", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ScanWritesAlertsAsJsonLinesAndASummary()
    {
        var rules = Write("rules/good.yml", GoodRule);
        var log = Write("auth.log", "Nov 22 03:00:01 web1 sshd[123]: Failed password for root from 203.0.113.9 port 2222 ssh2\nNov 22 03:00:02 web1 sshd[123]: Accepted password for bob\n");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = ScanCommand.Run(["--rules", Path.GetDirectoryName(rules)!, "--format", "syslog", log], stdout, stderr);
        Assert.Equal(0, code);
        var line = Assert.Single(stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("good-1", json.RootElement.GetProperty("rule_id").GetString());
        Assert.Equal("Ann", json.RootElement.GetProperty("author").GetString());
        Assert.Equal("auth.log:1", json.RootElement.GetProperty("event_ids")[0].GetString());
        Assert.StartsWith("events 2, alerts 1, ", stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"a\":1}", "json")]
    [InlineData("1.2.3.4 - - [22/Nov/2026:03:00:00 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"curl\"", "nginx.access")]
    [InlineData("Nov 22 03:00:01 web1 sshd[1]: hello", "syslog")]
    public void ScanAutoFormatGuessesTheSourceType(string line, string expected) =>
        Assert.Equal(expected, ScanCommand.SourceType("auto", line));

    [Fact]
    public void ScanRejectsAnUnknownFormat()
    {
        Assert.Equal(2, ScanCommand.Run(["--rules", _dir, "--format", "xml", "x.log"], new StringWriter(), new StringWriter()));
    }
}
