namespace Soc.Collector.Buffering;

/// <summary>One segment file of the disk queue; mutable fields are guarded by the queue's lock.</summary>
internal sealed class QueueSegment(string path, long firstSequence)
{
    public string Path { get; } = path;

    /// <summary>Sequence of the first record; also the file name, so segments sort by name.</summary>
    public long FirstSequence { get; } = firstSequence;

    /// <summary>Bytes of whole frames plus the file header: where the next frame goes.</summary>
    public long Length { get; set; } = DiskQueue.FileHeaderBytes;

    /// <summary>Bytes known to be fsynced; the reader never reads past this (see README "Invariants").</summary>
    public long SyncedLength { get; set; } = DiskQueue.FileHeaderBytes;

    public long RecordCount { get; set; }

    public long LastSequence => FirstSequence + RecordCount - 1;

    public static string FileName(long firstSequence) => $"{firstSequence:D20}.seg";
}
