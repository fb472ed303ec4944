using Microsoft.Win32.SafeHandles;
using Soc.Collector.Telemetry;

namespace Soc.Collector.Buffering;

/// <summary>
/// Reading for the one shipper. The read position runs ahead of the acknowledged position; it lives in memory
/// only, so after a restart reading starts again right after the checkpoint.
/// </summary>
public sealed partial class DiskQueue
{
    private const int MinReadChunkBytes = 64 * 1024;
    private const int MaxReadChunkBytes = 8 * 1024 * 1024;

    private QueueSegment? _readSegment;
    private long _readOffset = FileHeaderBytes;
    private long _readSequence = 1;
    private SafeFileHandle? _readHandle;
    private QueueSegment? _readHandleSegment;
    private long _damagedWhileReading;

    // Owned by the one reader and reused, so batch reads do not churn the large object heap.
    private byte[] _readBuffer = [];

    /// <summary>Records appended and not yet handed to the reader.</summary>
    public long UnreadCount
    {
        get
        {
            lock (_gate)
            {
                return _nextSequence - _readSequence;
            }
        }
    }

    /// <summary>Bytes found damaged after recovery (disk errors) and skipped by the reader.</summary>
    public long DamagedWhileReading => Interlocked.Read(ref _damagedWhileReading);

    public async ValueTask WaitToReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var appended = _dataAppended.Prepare();
            if (UnreadCount > 0)
            {
                return;
            }

            await appended.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads up to <paramref name="maxRecords"/> records and about <paramref name="maxBytes"/> payload bytes
    /// (at least one record), or null when nothing is unread. Only fsynced bytes are read: a record the center
    /// has seen must never be lost to a power cut, or its sequence, and so its id, could be handed out again.
    /// </summary>
    public DiskQueueBatch? TryReadBatch(int maxRecords, long maxBytes)
    {
        while (true)
        {
            QueueSegment segment;
            long limit;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_readSequence >= _nextSequence || !LocateReadSegmentLocked(out segment))
                {
                    return null;
                }

                limit = segment.SyncedLength;
                if (_readOffset >= limit)
                {
                    if (segment.Length > limit)
                    {
                        limit = -1; // appended but not yet fsynced
                    }
                    else if (!MoveToNextSegmentLocked(segment))
                    {
                        return null;
                    }
                    else
                    {
                        continue;
                    }
                }
            }

            if (limit < 0)
            {
                Sync();
                continue;
            }

            var batch = ReadFrames(segment, limit, maxRecords, maxBytes);
            if (batch is not null)
            {
                return batch;
            }
        }
    }

    private bool LocateReadSegmentLocked(out QueueSegment segment)
    {
        if (_readSegment is null)
        {
            foreach (var candidate in _segments)
            {
                if (candidate.RecordCount > 0 && candidate.LastSequence >= _readSequence)
                {
                    // Only reached when reading starts at a segment's first record (recovery places mid-segment starts).
                    _readSegment = candidate;
                    _readOffset = FileHeaderBytes;
                    _readSequence = Math.Max(_readSequence, candidate.FirstSequence);
                    break;
                }
            }
        }

        segment = _readSegment!;
        return _readSegment is not null;
    }

    private bool MoveToNextSegmentLocked(QueueSegment exhausted)
    {
        var index = _segments.IndexOf(exhausted);
        if (index < 0 || index + 1 >= _segments.Count)
        {
            return false;
        }

        _readSegment = _segments[index + 1];
        _readOffset = FileHeaderBytes;
        _readSequence = Math.Max(_readSequence, _readSegment.FirstSequence);
        return true;
    }

    private DiskQueueBatch? ReadFrames(QueueSegment segment, long limit, int maxRecords, long maxBytes)
    {
        if (!ReferenceEquals(_readHandleSegment, segment))
        {
            _readHandle?.Dispose();
            _readHandle = File.OpenHandle(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            _readHandleSegment = segment;
        }

        var available = limit - _readOffset;
        var chunk = (int)Math.Min(available, Math.Clamp(maxBytes + (maxRecords * (long)FrameHeaderBytes), MinReadChunkBytes, MaxReadChunkBytes));
        while (true)
        {
            if (_readBuffer.Length < chunk)
            {
                _readBuffer = new byte[chunk];
            }

            var buffer = _readBuffer;
            ReadExactly(_readHandle!, buffer.AsSpan(0, chunk), _readOffset);
            var payloads = new List<byte[]>(Math.Min(maxRecords, 1024));
            var position = 0;
            long bytes = 0;
            var status = FrameStatus.Whole;
            while (payloads.Count < maxRecords)
            {
                status = TryDecodeFrame(buffer.AsSpan(position, chunk - position), _readSequence + payloads.Count, out var frameBytes);
                if (status != FrameStatus.Whole)
                {
                    break;
                }

                var payloadBytes = frameBytes - FrameHeaderBytes;
                if (payloads.Count > 0 && bytes + payloadBytes > maxBytes)
                {
                    break;
                }

                payloads.Add(buffer.AsSpan(position + FrameHeaderBytes, payloadBytes).ToArray());
                bytes += payloadBytes;
                position += frameBytes;
            }

            if (payloads.Count == 0 && status == FrameStatus.NeedMoreBytes && chunk < available)
            {
                chunk = (int)Math.Min(available, Math.Max(chunk * 2L, FrameHeaderBytes + MaxPayloadBytes));
                continue;
            }

            if (payloads.Count == 0)
            {
                // Whole frames are written before Length moves, so this is damage found after recovery.
                SkipDamagedSegment(segment);
                return null;
            }

            var batch = new DiskQueueBatch(_readSequence, payloads);
            lock (_gate)
            {
                _readOffset += position;
                _readSequence += payloads.Count;
            }

            return batch;
        }
    }

    private void SkipDamagedSegment(QueueSegment segment)
    {
        lock (_gate)
        {
            var skipped = segment.Length - _readOffset;
            Interlocked.Add(ref _damagedWhileReading, skipped);
            CollectorLog.Error($"disk queue: damaged frame in {segment.Path} at byte {_readOffset}; skipping {skipped} bytes (records {_readSequence}..{segment.LastSequence} are lost)");
            _readOffset = segment.Length;
            _readSequence = segment.LastSequence + 1;
        }
    }

    private static void ReadExactly(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        while (buffer.Length > 0)
        {
            var read = RandomAccess.Read(handle, buffer, offset);
            if (read == 0)
            {
                throw new IOException("disk queue segment is shorter than its recorded length");
            }

            buffer = buffer[read..];
            offset += read;
        }
    }
}
