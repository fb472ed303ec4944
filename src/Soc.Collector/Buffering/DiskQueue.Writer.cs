using System.Buffers.Binary;
using System.Text.Json;
using Soc.Collector.Records;
using Soc.Collector.Telemetry;

namespace Soc.Collector.Buffering;

/// <summary>Appending: frames go to the OS with one pwrite each; fsync is batched (see README "Durability").</summary>
public sealed partial class DiskQueue
{
    /// <summary>
    /// Appends and returns once the record is in the OS page cache (it survives the process being killed);
    /// waits while the queue is full.
    /// </summary>
    public ValueTask WriteAsync(CollectorRecord record, CancellationToken cancellationToken)
    {
        return TryAppend(record) ? ValueTask.CompletedTask : WaitForSpaceAsync(record, cancellationToken);
    }

    /// <summary>Appends without waiting; false when the queue is full.</summary>
    public bool TryWrite(CollectorRecord record)
    {
        if (TryAppend(record))
        {
            return true;
        }

        Interlocked.Increment(ref _rejectedWhenFull);
        _fullLog.Warning($"disk queue full ({_options.MaxQueueBytes} bytes, queue.maxQueueBytes): records are being refused until the center catches up");
        return false;
    }

    private async ValueTask WaitForSpaceAsync(CollectorRecord record, CancellationToken cancellationToken)
    {
        _fullLog.Warning($"disk queue full ({_options.MaxQueueBytes} bytes, queue.maxQueueBytes): inputs are held back until the center catches up");
        while (true)
        {
            var freed = _spaceFreed.Prepare();
            if (TryAppend(record))
            {
                return;
            }

            await freed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private bool TryAppend(CollectorRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var sequence = _nextSequence;
            if (record.Id.Length == 0)
            {
                record = record with { Id = $"{_collectorId}:{sequence}" };
            }

            // Frame = header then JSON payload, built in one reused buffer (README "Frame").
            _frame.ResetWrittenCount();
            _frame.GetSpan(FrameHeaderBytes);
            _frame.Advance(FrameHeaderBytes);
            _json.Reset(_frame);
            JsonSerializer.Serialize(_json, record, CollectorRecordJsonContext.Default.CollectorRecord);
            _json.Flush();
            var frameBytes = _frame.WrittenCount;
            var unacknowledged = _nextSequence - 1 - _acknowledged;

            // An empty queue takes any record, so one record larger than the cap cannot wedge it.
            if (_diskBytes + frameBytes + FileHeaderBytes > _options.MaxQueueBytes && unacknowledged > 0)
            {
                return false;
            }

            var frame = System.Runtime.InteropServices.MemoryMarshal.AsMemory(_frame.WrittenMemory).Span;
            WriteHeader(frame, sequence, frame[FrameHeaderBytes..]);
            var segment = CurrentWriteSegmentLocked(frameBytes);
            try
            {
                RandomAccess.Write(_writeHandle!, frame, segment.Length);
            }
            catch (IOException ex)
            {
                // Disk full or failing. Nothing advanced: the next append overwrites whatever part landed.
                _writeErrorLog.Warning($"disk queue: cannot write to {segment.Path}: {ex.Message}");
                throw;
            }

            segment.Length += frameBytes;
            segment.RecordCount++;
            _nextSequence++;
            Interlocked.Add(ref _diskBytes, frameBytes);
        }

        _dataAppended.Set();
        return true;
    }

    private static void WriteHeader(Span<byte> header, long sequence, ReadOnlySpan<byte> payload)
    {
        BinaryPrimitives.WriteInt32LittleEndian(header, payload.Length);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], sequence);
        var crc = Crc32C.Append(~0u, header.Slice(8, 8));
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], ~Crc32C.Append(crc, payload));
    }

    private QueueSegment CurrentWriteSegmentLocked(int frameBytes)
    {
        var current = _segments.Count > 0 && _writeHandle is not null ? _segments[^1] : null;
        if (current is not null && (current.Length + frameBytes <= _options.SegmentBytes || current.RecordCount == 0))
        {
            return current;
        }

        if (current is not null)
        {
            // The old handle is fsynced and closed by the next sync, outside this lock.
            _retired.Add((_writeHandle!, current, current.Length));
        }

        var segment = new QueueSegment(Path.Combine(_directory, QueueSegment.FileName(_nextSequence)), _nextSequence);
        _writeHandle = File.OpenHandle(segment.Path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
        RandomAccess.Write(_writeHandle, FileMagic, 0);
        _segments.Add(segment);
        Interlocked.Add(ref _diskBytes, FileHeaderBytes);
        return segment;
    }

    /// <summary>fsyncs everything appended so far; after it returns, those records survive a power cut.</summary>
    public void Sync()
    {
        lock (_syncGate)
        {
            SyncLocked();
        }
    }

    private void SyncQuietly()
    {
        try
        {
            lock (_syncGate)
            {
                if (!_disposed)
                {
                    SyncLocked();
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            CollectorLog.Error($"disk queue fsync failed: {ex.Message}");
        }
    }

    // Caller holds _syncGate. fsync runs outside _gate so appends continue meanwhile.
    private void SyncLocked()
    {
        List<(Microsoft.Win32.SafeHandles.SafeFileHandle Handle, QueueSegment Segment, long Length)> retired;
        Microsoft.Win32.SafeHandles.SafeFileHandle? handle;
        QueueSegment? current;
        long length;
        lock (_gate)
        {
            retired = [.. _retired];
            _retired.Clear();
            handle = _writeHandle;
            current = _segments.Count > 0 && handle is not null ? _segments[^1] : null;
            length = current?.Length ?? 0;
            if (retired.Count == 0 && (current is null || current.SyncedLength >= length))
            {
                return;
            }
        }

        foreach (var (oldHandle, _, _) in retired)
        {
            RandomAccess.FlushToDisk(oldHandle);
            oldHandle.Dispose();
        }

        if (current is not null)
        {
            RandomAccess.FlushToDisk(handle!);
        }

        lock (_gate)
        {
            foreach (var (_, segment, oldLength) in retired)
            {
                segment.SyncedLength = Math.Max(segment.SyncedLength, oldLength);
            }

            if (current is not null)
            {
                current.SyncedLength = Math.Max(current.SyncedLength, length);
            }
        }
    }
}
