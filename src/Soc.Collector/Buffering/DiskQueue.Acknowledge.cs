using System.Buffers.Binary;
using Soc.Collector.Telemetry;

namespace Soc.Collector.Buffering;

/// <summary>
/// Acknowledging: called only after the center answered that it durably stored every record up to a sequence.
/// The checkpoint is written (temp file, fsync, rename) before any segment is deleted.
/// </summary>
public sealed partial class DiskQueue
{
    private const string CheckpointFileName = "ack.checkpoint";
    private readonly Lock _ackGate = new();

    /// <summary>Marks every record up to <paramref name="sequence"/> as stored at the center and frees whole segments.</summary>
    public void Acknowledge(long sequence)
    {
        lock (_ackGate)
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (sequence <= _acknowledged)
                {
                    return;
                }

                if (sequence >= _readSequence)
                {
                    throw new InvalidOperationException($"cannot acknowledge record {sequence}: only records before {_readSequence} were read");
                }
            }

            WriteCheckpoint(sequence);
            var deleted = new List<QueueSegment>();
            lock (_gate)
            {
                _acknowledged = sequence;

                // A segment goes when every record in it is acknowledged; the write segment stays (it is still growing).
                while (_segments.Count > 1 && _segments[0].RecordCount > 0 && _segments[0].LastSequence <= _acknowledged)
                {
                    if (ReferenceEquals(_segments[0], _readSegment))
                    {
                        _readSegment = null; // fully read (acknowledged <= read); the reader finds the next one
                    }

                    deleted.Add(_segments[0]);
                    Interlocked.Add(ref _diskBytes, -_segments[0].Length);
                    _segments.RemoveAt(0);
                }
            }

            foreach (var segment in deleted)
            {
                TryDelete(segment.Path);
            }
        }

        _spaceFreed.Set();
    }

    private void WriteCheckpoint(long sequence)
    {
        Span<byte> content = stackalloc byte[12];
        BinaryPrimitives.WriteInt64LittleEndian(content, sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(content[8..], Crc32C.Compute(content[..8]));
        var path = Path.Combine(_directory, CheckpointFileName);
        var temp = path + ".tmp";
        using (var handle = File.OpenHandle(temp, FileMode.Create, FileAccess.Write))
        {
            RandomAccess.Write(handle, content, 0);
            RandomAccess.FlushToDisk(handle);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The acknowledged sequence, or 0 when there is no checkpoint; a damaged one counts as none (the center dedupes the re-sent records).</summary>
    private long ReadCheckpoint()
    {
        var path = Path.Combine(_directory, CheckpointFileName);
        if (!File.Exists(path))
        {
            return 0;
        }

        var content = File.ReadAllBytes(path);
        if (content.Length == 12 && BinaryPrimitives.ReadUInt32LittleEndian(content.AsSpan(8)) == Crc32C.Compute(content.AsSpan(0, 8)))
        {
            return BinaryPrimitives.ReadInt64LittleEndian(content);
        }

        CollectorLog.Error($"disk queue: checkpoint {path} is damaged; re-sending from the oldest segment (the center drops duplicates)");
        return 0;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException ex)
        {
            CollectorLog.Error($"disk queue: could not delete acknowledged segment {path}: {ex.Message}");
        }
    }
}
