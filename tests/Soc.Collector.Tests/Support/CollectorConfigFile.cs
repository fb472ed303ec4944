using System.Globalization;

namespace Soc.Collector.Tests.Support;

/// <summary>Writes a collector config for process tests: one TCP syslog input (or the inputs given), metrics, one center URL.</summary>
public static class CollectorConfigFile
{
    public static string Write(string directory, Uri center, int syslogPort, int metricsPort) =>
        Write(directory, center, metricsPort, string.Create(CultureInfo.InvariantCulture, $"""
              - type: syslog_tcp
                listen: 127.0.0.1:{syslogPort}
                sourceType: syslog
                timeZone: UTC

            """));

    /// <summary>The same collector settings with the given <c>inputs:</c> entries (YAML list items indented by two spaces).</summary>
    public static string Write(string directory, Uri center, int metricsPort, string inputs)
    {
        var path = Path.Combine(directory, "collector.yml");
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"""
            id: test-collector
            host: test-host
            dataDir: {Path.Combine(directory, "data")}
            center:
              urls: [{center}]
              apiKey: {IngestSink.ApiKey}
              maxBatchRecords: 500
              flushIntervalMilliseconds: 50
              minBackoffMilliseconds: 50
              maxBackoffSeconds: 1
              connectTimeoutSeconds: 2
            queue:
              maxQueueBytes: 67108864
              segmentBytes: 1048576
              fsyncIntervalMilliseconds: 100
            metrics:
              listen: 127.0.0.1:{metricsPort}
            inputs:

            """) + inputs);
        return path;
    }
}
