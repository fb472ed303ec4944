namespace Soc.Console.Hosting;

/// <summary>Which store holds events, alerts, incidents and the audit trail (bound from <c>Soc:Storage</c>; docs/storage.md).</summary>
public sealed class StorageOptions
{
    /// <summary><c>sqlite</c> (embedded, the default) or <c>elasticsearch</c>.</summary>
    public string Kind { get; set; } = "sqlite";

    /// <summary>Elasticsearch base URL, e.g. https://es1:9200.</summary>
    public string? Url { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Elasticsearch API key (the base64 "id:key" form); used instead of basic auth when set.</summary>
    public string? ApiKey { get; set; }

    /// <summary>PEM file of the CA that signed the cluster's certificate, when it is not in the system store.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>Prefix of every index, data stream and template name, so several Soc installations can share a cluster.</summary>
    public string IndexPrefix { get; set; } = "soc";

    /// <summary>Attempts for bulk items answered 429 or 5xx before the batch fails (and is not acknowledged).</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>First retry delay; doubles with each attempt.</summary>
    public int RetryBaseDelayMilliseconds { get; set; } = 200;

    /// <summary>Make writes searchable before answering (refresh=wait_for). Costs throughput; for tests and small sites.</summary>
    public bool RefreshOnWrite { get; set; }

    /// <summary>Seconds to wait for one Elasticsearch request.</summary>
    public int RequestTimeoutSeconds { get; set; } = 60;
}
