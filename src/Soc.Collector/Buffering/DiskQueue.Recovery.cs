using System.Buffers;
using System.Globalization;
using Soc.Collector.Telemetry;

namespace Soc.Collector.Buffering;

/// <summary>
/// Opening after a crash: every segment is scanned frame by frame; the first frame that is torn, fails its
/// checksum or breaks the sequence ends the segment, and the file is truncated there.
/// </summary>
public sealed partial class DiskQueue
{
    private void Recover()
    {
        Directory.CreateDirectory(_directory);
        TryDelete(Path.Combine(_directory, CheckpointFileName + ".tmp"));
        _acknowledged = ReadCheckpoint();
        var files = new List<(long First, string Path)>();
        foreach (var path in Directory.EnumerateFiles(_directory, "*.seg"))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var first))
            {
                files.Add((first, path));
            }
        }

        files.Sort((a, b) => a.First.CompareTo(b.First));
        long damagedBytes = 0;
        var damagedSegments = 0;
        var lastSequence = _acknowledged;
        foreach (var (first, path) in files)
        {
            var segment = new QueueSegment(path, first);
            var (readStart, damaged) = ScanSegment(segment, _acknowledged + 1);
            if (damaged > 0)
            {
                damagedBytes += damaged;
                damagedSegments++;
                CollectorLog.Warning($"disk queue: cut {damaged} damaged bytes from the end of {path} (torn write or disk error); {segment.RecordCount} whole records kept");
            }

            if (segment.RecordCount == 0 || segment.LastSequence <= _acknowledged)
            {
                TryDelete(path); // empty, or acknowledged before the crash could delete it
                continue;
            }

            segment.SyncedLength = segment.Length; // what survived a restart is on disk as far as we can know
            _segments.Add(segment);
            _diskBytes += segment.Length;
            lastSequence = Math.Max(lastSequence, segment.LastSequence);
            if (_readSegment is null && readStart >= 0)
            {
                _readSegment = segment;
                _readOffset = readStart;
            }
        }

        // Never hand out a sequence twice: ids of network records are built from it.
        _nextSequence = lastSequence + 1;
        _readSequence = _acknowledged + 1;
        if (_readSegment is not null)
        {
            _readSequence = Math.Max(_readSequence, _readSegment.FirstSequence);
        }

        // Appends go to a fresh segment: a recovered file is never written again.
        _writeHandle = null;
        Recovery = new QueueRecoveryReport(_segments.Count, _nextSequence - _readSequence, damagedBytes, damagedSegments);
        if (_segments.Count > 0 || damagedBytes > 0)
        {
            CollectorLog.Info($"disk queue: recovered {Recovery.UnacknowledgedRecords} unacknowledged records in {_segments.Count} segments; {damagedBytes} damaged bytes cut");
        }
    }

    /// <summary>Counts whole frames, truncates after the last one; returns the offset of <paramref name="readFrom"/> (-1 if not in this segment) and the bytes cut.</summary>
    private static (long ReadStart, long DamagedBytes) ScanSegment(QueueSegment segment, long readFrom)
    {
        using var handle = File.OpenHandle(segment.Path, FileMode.Open, FileAccess.ReadWrite);
        var fileLength = RandomAccess.GetLength(handle);
        Span<byte> magic = stackalloc byte[FileHeaderBytes];
        if (fileLength < FileHeaderBytes || RandomAccess.Read(handle, magic, 0) < FileHeaderBytes || !magic.SequenceEqual(FileMagic))
        {
            return (-1, fileLength);
        }

        long readStart = -1;
        long offset = FileHeaderBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(MinReadChunkBytes * 16);
        try
        {
            while (offset < fileLength)
            {
                var remaining = fileLength - offset;
                var chunk = (int)Math.Min(buffer.Length, remaining);
                ReadExactly(handle, buffer.AsSpan(0, chunk), offset);
                var position = 0;
                var status = FrameStatus.Whole;
                while (status == FrameStatus.Whole && position < chunk)
                {
                    var sequence = segment.FirstSequence + segment.RecordCount;
                    status = TryDecodeFrame(buffer.AsSpan(position, chunk - position), sequence, out var frameBytes);
                    if (status == FrameStatus.Whole)
                    {
                        if (sequence == readFrom)
                        {
                            readStart = offset + position;
                        }

                        position += frameBytes;
                        segment.RecordCount++;
                    }
                }

                offset += position;
                if (status == FrameStatus.Damaged || (position == 0 && chunk == remaining))
                {
                    break; // damaged, or a frame torn off by the end of the file
                }

                if (position == 0)
                {
                    // A frame bigger than the buffer (possible up to MaxPayloadBytes): grow and read again.
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(FrameHeaderBytes + MaxPayloadBytes);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        segment.Length = offset;
        if (readFrom <= segment.FirstSequence && segment.RecordCount > 0)
        {
            readStart = FileHeaderBytes;
        }

        if (offset < fileLength)
        {
            RandomAccess.SetLength(handle, offset);
            RandomAccess.FlushToDisk(handle);
        }

        return (readStart, fileLength - offset);
    }
}
