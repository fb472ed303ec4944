using Soc.Collector.Configuration;
using Soc.Collector.Inputs.Files;
using Soc.Collector.Inputs.Syslog;
using Soc.Collector.Tests.Support;

namespace Soc.Collector.Tests.Configuration;

public sealed class InputFactoryTests
{
    [Fact]
    public void BuildsEveryInputTypeFromTheConfigFile()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("inputs.yml");
        File.WriteAllText(path, $"""
            id: web01
            dataDir: {dir.Combine("data")}
            center:
              url: http://127.0.0.1:5080
              apiKey: key
            inputs:
              - type: syslog_tcp
                listen: "[::]:5514"
              - type: syslog_udp
                listen: 0.0.0.0:5514
                maxMessageBytes: 8192
              - type: file
                name: nginx
                paths: [/var/log/nginx/*.log]
                exclude: ["/var/log/nginx/*.gz"]
                sourceType: nginx.access
                startPosition: end
            """);

        var config = CollectorConfigLoader.Load(path, InputFactory.CreateDefault());

        Assert.Empty(config.Errors);
        Assert.Collection(
            config.Inputs,
            i => Assert.IsType<TcpSyslogInput>(i),
            i => Assert.IsType<UdpSyslogInput>(i),
            i => Assert.IsType<FileInput>(i));
    }

    [Fact]
    public void ReportsInputMistakesAtTheirLines()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("bad-inputs.yml");
        File.WriteAllLines(path,
        [
            "id: web01",                        // 1
            "center:",                          // 2
            "  url: http://127.0.0.1:5080",     // 3
            "  apiKey: key",                    // 4
            "inputs:",                          // 5
            "  - type: syslog_tls",             // 6  no certificate
            "    listen: 0.0.0.0:6514",         // 7
            "  - type: file",                   // 8  no name, no paths
            "    sourceType: system.auth",      // 9
            "    startPosition: middle",        // 10 not beginning/end
        ]);

        var config = CollectorConfigLoader.Load(path, InputFactory.CreateDefault());

        Assert.Null(config.Options);
        Assert.Contains(config.Errors, e => e.Contains("inputs[0].tlsCertificateFile is required", StringComparison.Ordinal));
        Assert.Contains(config.Errors, e => e.Contains(":8: inputs[1].name:", StringComparison.Ordinal));
        Assert.Contains(config.Errors, e => e.Contains(":8: inputs[1].paths:", StringComparison.Ordinal));
        Assert.Contains(config.Errors, e => e.Contains(":10: inputs[1].startPosition:", StringComparison.Ordinal));
    }
}
