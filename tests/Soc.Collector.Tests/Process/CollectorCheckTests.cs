using Soc.Collector.Tests.Support;

namespace Soc.Collector.Tests.Process;

public sealed class CollectorCheckTests
{
    [Fact]
    public async Task CheckExitsZeroForAValidConfig()
    {
        using var dir = new TempDirectory();
        var config = CollectorConfigFile.Write(dir.Path, new Uri("http://127.0.0.1:1/"), 5514, 9520);

        var (exitCode, output) = await CollectorProcess.RunAsync("--config", config, "--check");

        Assert.Equal(0, exitCode);
        Assert.Contains("configuration is valid", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "data")), "--check must not create the queue");
    }

    [Fact]
    public async Task CheckExitsOneAndListsEveryError()
    {
        using var dir = new TempDirectory();
        var config = dir.Combine("bad.yml");
        await File.WriteAllTextAsync(config, "center:\n  urls: [nope]\ninputs:\n  - type: syslog_tcp\n    listen: nowhere\n");

        var (exitCode, output) = await CollectorProcess.RunAsync("--config", config, "--check");

        Assert.Equal(1, exitCode);
        Assert.Contains("bad.yml:2: center.urls", output, StringComparison.Ordinal);
        Assert.Contains("center.apiKey is required", output, StringComparison.Ordinal);
        Assert.Contains("bad.yml:5: inputs[0].listen", output, StringComparison.Ordinal);
        Assert.Contains("3 error(s)", output, StringComparison.Ordinal);
    }
}
