namespace Soc.Collector.Configuration;

/// <summary>The collector's one config file (YAML), see docs/collector.md.</summary>
public sealed class CollectorOptions
{
    /// <summary>Stable id of this collector; part of every network record's id.</summary>
    public string Id { get; set; } = Environment.MachineName;

    /// <summary>Host name recorded on every record.</summary>
    public string Host { get; set; } = Environment.MachineName;

    public CenterOptions Center { get; set; } = new();

    public List<InputOptions> Inputs { get; set; } = [];
}

public sealed class CenterOptions
{
    /// <summary>Base URL of the center, e.g. http://127.0.0.1:5080.</summary>
    public string Url { get; set; } = "";

    /// <summary>The agency's ingest key, printed by <c>soc agency add</c>.</summary>
    public string ApiKey { get; set; } = "";

    public int MaxBatchRecords { get; set; } = 1000;

    public int FlushIntervalMilliseconds { get; set; } = 200;
}

public sealed class InputOptions
{
    /// <summary><c>syslog_tcp</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>Listen address, <c>host:port</c>.</summary>
    public string Listen { get; set; } = "";

    /// <summary>Source type the center parses by: <c>syslog</c>, <c>nginx.access</c>, ...</summary>
    public string SourceType { get; set; } = "syslog";

    /// <summary>IANA time zone for timestamps that carry none.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";
}
