namespace Soc.Collector.Configuration;

/// <summary>Where and how records are shipped (section <c>center:</c>).</summary>
public sealed class CenterOptions
{
    /// <summary>Base URLs of center nodes, tried in order; the next one is used on connect failure, timeout or 5xx.</summary>
    public List<Uri> Urls { get; } = [];

    /// <summary>The agency's ingest key, printed by <c>soc agency add</c>.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>PEM file with the provincial CA; when set, the center's certificate must chain to it (and only to it).</summary>
    public string? CaFile { get; set; }

    public int MaxBatchRecords { get; set; } = 1000;

    /// <summary>Uncompressed JSON bytes per batch; gzip makes the request several times smaller.</summary>
    public int MaxBatchBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a partial batch waits for more records before it is sent.</summary>
    public int FlushIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Cap on request body bytes per second (0 = no cap); e.g. 125000 keeps a 2 Mbps link half free.</summary>
    public long BandwidthBytesPerSecond { get; set; }

    public int ConnectTimeoutSeconds { get; set; } = 10;

    public int RequestTimeoutSeconds { get; set; } = 120;

    public int MinBackoffMilliseconds { get; set; } = 500;

    public int MaxBackoffSeconds { get; set; } = 60;

    /// <summary>How often the collector reports its counters to <c>POST /api/v1/collectors/heartbeat</c>; 0 turns the heartbeat off.</summary>
    public int HeartbeatIntervalSeconds { get; set; } = 60;
}
