using Soc.Collector.Configuration;
using Soc.Collector.Tests.Support;

namespace Soc.Collector.Tests.Configuration;

public sealed class CollectorConfigLoaderTests
{
    [Fact]
    public void LoadsThePackagedExampleConfig()
    {
        var config = CollectorConfigLoader.Load(Path.Combine(RepoPaths.Root, "packaging", "collector.example.yml"), InputFactory.CreateDefault());

        Assert.Empty(config.Errors);
        var options = config.Options!;
        Assert.Equal("so-tttt-web01", options.Id);
        Assert.Equal(new Uri("https://soc.tinh.gov.vn:8443/"), Assert.Single(options.Center.Urls));
        Assert.Equal(125_000, options.Center.BandwidthBytesPerSecond);
        Assert.Equal(1L << 30, options.Queue.MaxQueueBytes);
        Assert.Equal("syslog_tcp:0.0.0.0:5514", Assert.Single(config.Inputs).Name);
    }

    [Fact]
    public void ReportsEveryErrorAtOnceWithItsLine()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("bad.yml");
        File.WriteAllLines(path,
        [
            "id: web:01",                       // 1  ':' not allowed
            "center:",                          // 2  (a missing key is reported at the section's first line, 3)
            "  urls: [ftp://center]",           // 3  not http(s)
            "  maxBatchRecords: lots",          // 4  not a number
            "  bandwidthBytesPerSecond: 10",    // 5  too small
            "queue:",                           // 6
            "  maxQueueBytes: 1048576",         // 7  < 4 segments
            "  segmentByte: 65536",             // 8  typo
            "metrics:",                         // 9
            "  listen: everywhere",             // 10 not ip:port
            "inputs:",                          // 11
            "  - type: syslog_carrier_pigeon",  // 12 unknown type
            "  - type: syslog_tcp",             // 13
            "    listen: 0.0.0.0",              // 14 no port
            "    timeZone: Mars/Olympus",       // 15 unknown zone
        ]);

        var config = CollectorConfigLoader.Load(path, InputFactory.CreateDefault());

        Assert.Null(config.Options);
        string[] expected =
        [
            ":1: id:", ":3: center.urls:", ":4: center.maxBatchRecords:", ":5: center.bandwidthBytesPerSecond:",
            ":3: center.apiKey is required", ":7: queue.maxQueueBytes:", ":8: queue.segmentByte: unknown setting",
            ":10: metrics.listen:", ":12: inputs[0].type:", ":14: inputs[1].listen:", ":15: inputs[1].timeZone:",
        ];
        foreach (var fragment in expected)
        {
            Assert.Contains(config.Errors, e => e.Contains(fragment, StringComparison.Ordinal));
        }

        Assert.Equal(expected.Length, config.Errors.Count);
    }

    [Fact]
    public void ReportsBrokenYamlWithItsLine()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("broken.yml");
        File.WriteAllText(path, "id: a\ncenter:\n  urls: [http://x\n");

        var config = CollectorConfigLoader.Load(path, InputFactory.CreateDefault());

        var error = Assert.Single(config.Errors);
        Assert.Contains("not valid YAML", error, StringComparison.Ordinal);
        Assert.Matches(@"broken\.yml:\d+:", error);
    }

    [Fact]
    public void AcceptsInputTypesRegisteredByOtherComponents()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("custom.yml");
        File.WriteAllText(path, "center:\n  url: http://127.0.0.1:1/\n  apiKey: k\ninputs:\n  - type: file\n    path: /var/log/auth.log\n");
        var factory = InputFactory.CreateDefault().Register("file", (settings, _) =>
            new FakeInput("file:" + settings.Values.GetString("path", required: true)));

        var config = CollectorConfigLoader.Load(path, factory);

        Assert.Empty(config.Errors);
        Assert.Equal("file:/var/log/auth.log", Assert.Single(config.Inputs).Name);
    }

    private sealed class FakeInput(string name) : Soc.Collector.Inputs.IInput
    {
        public string Name { get; } = name;

        public Task RunAsync(Soc.Collector.Inputs.IRecordWriter writer, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
