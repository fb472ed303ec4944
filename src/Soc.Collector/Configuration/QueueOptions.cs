namespace Soc.Collector.Configuration;

/// <summary>The disk queue (section <c>queue:</c>); see src/Soc.Collector/Buffering/README.md.</summary>
public sealed class QueueOptions
{
    /// <summary>Cap on segment file bytes; when reached, TCP and file inputs wait and UDP drops (counted).</summary>
    public long MaxQueueBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Size at which a new segment file is started; disk is freed a whole segment at a time.</summary>
    public long SegmentBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Longest time an appended record stays only in the OS page cache (lost on power cut, not on crash).</summary>
    public int FsyncIntervalMilliseconds { get; set; } = 1000;
}
