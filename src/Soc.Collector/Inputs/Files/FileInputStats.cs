namespace Soc.Collector.Inputs.Files;

/// <summary>Counters of one file input, for the metrics endpoint. Written by the input's single loop only.</summary>
public sealed class FileInputStats
{
    private long _records;
    private long _truncated;
    private long _replaced;
    private long _errors;
    private long _checkpointErrors;
    private int _openFiles;

    /// <summary>Records (lines or joined entries) written to the queue.</summary>
    public long Records => Volatile.Read(ref _records);

    /// <summary>Records cut at the maximum size (still delivered, marked).</summary>
    public long Truncated => Volatile.Read(ref _truncated);

    /// <summary>Files whose content was replaced under the same inode (truncation, copytruncate, inode reuse).</summary>
    public long Replaced => Volatile.Read(ref _replaced);

    /// <summary>Files that could not be opened or read (permissions, I/O errors); retried every poll.</summary>
    public long Errors => Volatile.Read(ref _errors);

    /// <summary>Checkpoint saves that failed (disk full, read-only); retried at the next interval.</summary>
    public long CheckpointErrors => Volatile.Read(ref _checkpointErrors);

    /// <summary>Files open right now.</summary>
    public int OpenFiles => Volatile.Read(ref _openFiles);

    internal void AddRecord(bool truncated)
    {
        Interlocked.Increment(ref _records);
        if (truncated)
        {
            Interlocked.Increment(ref _truncated);
        }
    }

    internal void AddReplaced() => Interlocked.Increment(ref _replaced);

    internal void AddError() => Interlocked.Increment(ref _errors);

    internal void AddCheckpointError() => Interlocked.Increment(ref _checkpointErrors);

    internal void SetOpenFiles(int count) => Volatile.Write(ref _openFiles, count);
}
