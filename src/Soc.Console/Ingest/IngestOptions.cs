namespace Soc.Console.Ingest;

/// <summary>Ingest limits (bound from <c>Soc:Ingest</c>). Over a size limit: 413; over the rate: 429 + Retry-After.</summary>
public sealed class IngestOptions
{
    /// <summary>Largest batch after decompression.</summary>
    public long MaxBatchBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Largest single record (one JSON line).</summary>
    public int MaxRecordBytes { get; set; } = 1024 * 1024;

    /// <summary>Most records in one batch.</summary>
    public int MaxRecordsPerBatch { get; set; } = 100_000;

    /// <summary>Sustained records per second one agency may send; 0 turns the limit off.</summary>
    public int RecordsPerSecondPerAgency { get; set; } = 50_000;

    /// <summary>Records an agency may send at once above the sustained rate (a collector catching up after an outage).</summary>
    public int BurstRecordsPerAgency { get; set; } = 500_000;
}
