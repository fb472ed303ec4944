using Soc.Collector.Configuration;
using Soc.Collector.Tests.Support;

namespace Soc.Collector.Tests.Configuration;

/// <summary><c>center.heartbeatIntervalSeconds</c>: 60 by default, 0 turns it off, out of range is an error with its line.</summary>
public sealed class HeartbeatConfigTests
{
    [Theory]
    [InlineData(null, 60)]
    [InlineData("0", 0)]
    [InlineData("15", 15)]
    public void ReadsTheHeartbeatInterval(string? value, int expected)
    {
        var config = Load(value);

        Assert.True(config.Errors.Count == 0, string.Join("; ", config.Errors));
        Assert.Equal(expected, config.Options!.Center.HeartbeatIntervalSeconds);
    }

    [Fact]
    public void RefusesAnIntervalOverAnHour()
    {
        var config = Load("7200");

        Assert.Contains(config.Errors, e => e.Contains("heartbeatIntervalSeconds", StringComparison.Ordinal) && e.Contains(":4", StringComparison.Ordinal));
    }

    private static CollectorConfig Load(string? interval)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("collector.yml");
        File.WriteAllLines(path,
        [
            "center:",
            "  urls: [http://127.0.0.1:8080]",
            "  apiKey: k",
            .. interval is null ? Array.Empty<string>() : [$"  heartbeatIntervalSeconds: {interval}"],
            "inputs:",
            "  - type: syslog_udp",
            "    listen: 127.0.0.1:5514",
        ]);
        return CollectorConfigLoader.Load(path, InputFactory.CreateDefault());
    }
}
