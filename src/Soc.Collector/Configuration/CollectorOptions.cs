namespace Soc.Collector.Configuration;

/// <summary>The collector's one config file (YAML), see docs/collector.md and packaging/collector.example.yml.</summary>
public sealed class CollectorOptions
{
    /// <summary>Stable id of this collector; part of every network record's id, so never reuse one on two hosts.</summary>
    public string Id { get; set; } = Environment.MachineName;

    /// <summary>Host name recorded on every record.</summary>
    public string Host { get; set; } = Environment.MachineName;

    /// <summary>Holds the disk queue (queue/), its checkpoint and dead-lettered batches (dead-letter/).</summary>
    public string DataDirectory { get; set; } = "/var/lib/soc-collector";

    public CenterOptions Center { get; set; } = new();

    public QueueOptions Queue { get; set; } = new();

    public MetricsOptions Metrics { get; set; } = new();

    public List<InputSettings> Inputs { get; } = [];

    public string QueueDirectory => Path.Combine(DataDirectory, "queue");

    public string DeadLetterDirectory => Path.Combine(DataDirectory, "dead-letter");
}
