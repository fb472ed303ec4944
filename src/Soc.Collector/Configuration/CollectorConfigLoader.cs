using System.Net;
using Soc.Collector.Inputs;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Soc.Collector.Configuration;

/// <summary>Reads the config file and validates all of it, reporting every error at once with its line.</summary>
public static class CollectorConfigLoader
{
    public static CollectorConfig Load(string path, InputFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var errors = new ConfigErrors(path);
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(path))
            {
                stream.Load(reader);
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                errors.Add(1, "the file must be a YAML mapping (id:, center:, inputs:, ...)");
                return new CollectorConfig(null, [], errors.Messages);
            }

            root = mapping;
        }
        catch (YamlException ex)
        {
            errors.Add(ex.Start.Line, $"not valid YAML: {ex.InnerException?.Message ?? ex.Message}");
            return new CollectorConfig(null, [], errors.Messages);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(0, ex.Message);
            return new CollectorConfig(null, [], errors.Messages);
        }

        var values = new YamlValues(root, "", errors);
        var options = new CollectorOptions
        {
            Id = values.GetString("id", Environment.MachineName)!,
            Host = values.GetString("host", Environment.MachineName)!,
            DataDirectory = values.GetString("dataDir", "/var/lib/soc-collector")!,
        };
        if (options.Id.Length == 0 || options.Id.Contains(':', StringComparison.Ordinal))
        {
            values.Error("id", "must be non-empty and without ':' (it prefixes record ids)");
        }

        ReadCenter(values.GetSection("center"), options.Center, errors);
        ReadQueue(values.GetSection("queue"), options.Queue);
        ReadMetrics(values.GetSection("metrics"), options.Metrics);
        var inputs = ReadInputs(values, options, factory);
        values.ReportUnknownKeys();
        return new CollectorConfig(errors.Any ? null : options, errors.Any ? [] : inputs, errors.Messages);
    }

    private static void ReadCenter(YamlValues? center, CenterOptions options, ConfigErrors errors)
    {
        if (center is null)
        {
            errors.Add(0, "center: section is required (urls and apiKey of the provincial center)");
            return;
        }

        var urls = center.GetStringList("urls");
        urls.AddRange(center.GetStringList("url"));
        if (urls.Count == 0)
        {
            center.Error("urls", "at least one center URL is required");
        }

        foreach (var (text, line) in urls)
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                options.Urls.Add(uri);
            }
            else
            {
                errors.Add(line, $"center.urls: '{text}' is not an absolute http(s) URL");
            }
        }

        options.ApiKey = center.GetString("apiKey", "", required: true)!;
        options.CaFile = center.GetString("caFile");
        if (options.CaFile is { Length: > 0 } && !File.Exists(options.CaFile))
        {
            center.Error("caFile", $"file '{options.CaFile}' does not exist");
        }

        options.MaxBatchRecords = (int)center.GetInteger("maxBatchRecords", options.MaxBatchRecords, 1, 100_000);
        options.MaxBatchBytes = (int)center.GetInteger("maxBatchBytes", options.MaxBatchBytes, 1024, 64 * 1024 * 1024);
        options.FlushIntervalMilliseconds = (int)center.GetInteger("flushIntervalMilliseconds", options.FlushIntervalMilliseconds, 0, 600_000);
        options.BandwidthBytesPerSecond = center.GetInteger("bandwidthBytesPerSecond", 0, 0, long.MaxValue);
        if (options.BandwidthBytesPerSecond is > 0 and < 1024)
        {
            center.Error("bandwidthBytesPerSecond", "below 1024 bytes/s nothing useful gets through; use 0 for no cap");
        }

        options.ConnectTimeoutSeconds = (int)center.GetInteger("connectTimeoutSeconds", options.ConnectTimeoutSeconds, 1, 600);
        options.RequestTimeoutSeconds = (int)center.GetInteger("requestTimeoutSeconds", options.RequestTimeoutSeconds, 1, 3600);
        options.MinBackoffMilliseconds = (int)center.GetInteger("minBackoffMilliseconds", options.MinBackoffMilliseconds, 1, 600_000);
        options.MaxBackoffSeconds = (int)center.GetInteger("maxBackoffSeconds", options.MaxBackoffSeconds, 1, 3600);
        options.HeartbeatIntervalSeconds = (int)center.GetInteger("heartbeatIntervalSeconds", options.HeartbeatIntervalSeconds, 0, 3600);
        center.ReportUnknownKeys();
    }

    private static void ReadQueue(YamlValues? queue, QueueOptions options)
    {
        if (queue is null)
        {
            return;
        }

        options.SegmentBytes = queue.GetInteger("segmentBytes", options.SegmentBytes, 64 * 1024, 1024L * 1024 * 1024);
        options.MaxQueueBytes = queue.GetInteger("maxQueueBytes", options.MaxQueueBytes, 1024 * 1024, long.MaxValue);
        options.FsyncIntervalMilliseconds = (int)queue.GetInteger("fsyncIntervalMilliseconds", options.FsyncIntervalMilliseconds, 1, 60_000);
        if (options.MaxQueueBytes < 4 * options.SegmentBytes)
        {
            // Disk is freed a whole segment at a time; fewer than four leaves no room to keep accepting while shipping.
            queue.Error("maxQueueBytes", $"must be at least 4 x queue.segmentBytes ({4 * options.SegmentBytes})");
        }

        queue.ReportUnknownKeys();
    }

    private static void ReadMetrics(YamlValues? metrics, MetricsOptions options)
    {
        if (metrics is null)
        {
            return;
        }

        options.Listen = metrics.GetString("listen", options.Listen) ?? "";
        if (options.Listen.Length > 0 && !(IPEndPoint.TryParse(options.Listen, out var endpoint) && endpoint.Port > 0))
        {
            metrics.Error("listen", $"'{options.Listen}' is not ip:port (or empty to turn metrics off)");
        }

        metrics.ReportUnknownKeys();
    }

    private static List<IInput> ReadInputs(YamlValues root, CollectorOptions options, InputFactory factory)
    {
        var inputs = new List<IInput>();
        var sections = root.GetSectionList("inputs");
        if (sections.Count == 0)
        {
            root.Error("inputs", "at least one input is required");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            var type = section.GetString("type", "", required: true)!;
            var settings = new InputSettings(type, section) { Name = section.GetString("name") };
            options.Inputs.Add(settings);
            if (type.Length == 0)
            {
                continue;
            }

            var input = factory.Create(settings, options);
            if (input is not null && !names.Add(input.Name))
            {
                section.Error("name", $"two inputs are named '{input.Name}'; give one a name:");
            }

            if (input is not null)
            {
                inputs.Add(input);
            }

            if (factory.Types.Contains(type))
            {
                section.ReportUnknownKeys(); // for an unknown type, "unknown type" is the one useful error
            }
        }

        return inputs;
    }
}
