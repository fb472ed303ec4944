using System.Text.RegularExpressions;
using Soc.Detection.Engine;
using Soc.Detection.Tests.Support;

namespace Soc.Detection.Tests.Rules;

/// <summary>
/// loghub's OpenSSH sample (2,000 real sshd lines with brute-force traffic) through the real parser and the whole
/// pack: the SSH correlations fire and name the attacking addresses, and only addresses that really failed logins.
/// The Linux sample (older sshd logging through PAM only) must fire the brute-force correlation too.
/// </summary>
public sealed partial class OpenSshSampleTests
{
    private static readonly string SamplePath = RepoPaths.CorpusFile("logs", "loghub", "OpenSSH", "OpenSSH_2k.log");

    [Fact]
    public void BruteForceCorrelationNamesTheAttackingAddresses()
    {
        var alerts = Run();
        var bruteForce = Addresses(alerts, "SSH Brute Force From One Address");
        Assert.Contains("183.62.140.253", bruteForce);
        Assert.Contains("187.141.143.180", bruteForce);
        Assert.Contains("103.99.0.122", bruteForce);
        var failures = FailuresPerAddress();
        Assert.All(bruteForce, ip => Assert.True(failures.GetValueOrDefault(ip) >= 10, $"{ip} named but failed {failures.GetValueOrDefault(ip)} times"));
        Assert.DoesNotContain("119.137.62.142", bruteForce);
    }

    [Fact]
    public void SprayingCorrelationNamesTheAddressThatTriedManyUsers()
    {
        var spraying = Addresses(Run(), "SSH Password Spraying From One Address");
        Assert.Contains("103.99.0.122", spraying);
        Assert.All(spraying, ip => Assert.True(FailuresPerAddress().GetValueOrDefault(ip) >= 5, ip));
    }

    [Fact]
    public void BruteForceCorrelationFiresOnOldSshdThatLogsThroughPamOnly()
    {
        // loghub's Linux sample: a 2005 RHEL syslog where sshd failures appear only as pam_unix lines.
        var engine = new DetectionEngine(PackRunner.Pack.Rules);
        var alerts = PackRunner.Run(engine, "syslog", File.ReadLines(RepoPaths.CorpusFile("logs", "loghub", "Linux", "Linux_2k.log")));
        var bruteForce = Addresses(alerts, "SSH Brute Force From One Address");
        Assert.Contains("150.183.249.110", bruteForce);
    }

    private static List<Alert> Run()
    {
        var engine = new DetectionEngine(PackRunner.Pack.Rules);
        return PackRunner.Run(engine, "system.auth", File.ReadLines(SamplePath));
    }

    private static HashSet<string> Addresses(List<Alert> alerts, string title)
    {
        var matching = alerts.Where(a => a.Kind == Alert.KindCorrelation && a.RuleTitle == title).ToList();
        Assert.NotEmpty(matching);
        return matching.Select(a => a.GroupBy["source.ip"]).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Ground truth counted straight from the raw text, independent of parser and engine.</summary>
    private static Dictionary<string, int> FailuresPerAddress()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(SamplePath))
        {
            var m = FailedPassword().Match(line);
            if (m.Success)
            {
                counts[m.Groups[1].Value] = counts.GetValueOrDefault(m.Groups[1].Value) + 1;
            }
        }

        return counts;
    }

    [GeneratedRegex(@"Failed password for .* from (\d+\.\d+\.\d+\.\d+) port")]
    private static partial Regex FailedPassword();
}
