namespace Soc.Collector.Inputs.Files;

/// <summary>
/// What the checkpoint file remembers about one file identity. Invariant: every line before <see cref="Offset"/>
/// has been written to the queue (WriteAsync completed); lines from it on may or may not have been, and are re-read
/// with the same ids after a restart.
/// </summary>
internal sealed class FileCheckpoint
{
    /// <summary>Prefix of every record id from this file (<c>{Identity}:{line offset}</c>); fixed once assigned.</summary>
    public string Identity { get; set; } = "";

    public ulong Device { get; set; }

    public ulong Inode { get; set; }

    /// <summary>How many leading bytes <see cref="Fingerprint"/> covers (up to 1 KiB; grows with the file).</summary>
    public int FingerprintBytes { get; set; }

    /// <summary>SHA-256 (hex) of the first <see cref="FingerprintBytes"/> bytes: tells a reused inode or a copy apart.</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>Byte offset of the next line not yet written to the queue.</summary>
    public long Offset { get; set; }

    /// <summary>Last path the file was seen at (for people reading the checkpoint file).</summary>
    public string Path { get; set; } = "";

    /// <summary>
    /// The content no longer lives at <see cref="Device"/>/<see cref="Inode"/> (it was truncated, or the inode now
    /// holds another file). The entry waits for a copy of the content (copytruncate) to continue from <see cref="Offset"/>.
    /// </summary>
    public bool Detached { get; set; }

    public DateTimeOffset LastSeen { get; set; }
}
