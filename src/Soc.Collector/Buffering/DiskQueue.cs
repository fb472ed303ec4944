using System.Buffers;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using Soc.Collector.Configuration;
using Soc.Collector.Inputs;
using Soc.Collector.Telemetry;

namespace Soc.Collector.Buffering;

/// <summary>
/// The durable queue between inputs and the shipper: append-only segment files of checksummed frames and a
/// checkpoint of the last record the center stored. Format, invariants and the durability guarantee are in
/// README.md beside this file. Many writers (inputs), one reader (the shipper).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It is a queue; the name is the design's (issue 5).")]
public sealed partial class DiskQueue : IRecordWriter, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Lock _syncGate = new();
    private readonly string _directory;
    private readonly QueueOptions _options;
    private readonly string _collectorId;
    private readonly TimeProvider _time;
    private readonly RateLimitedLog _fullLog;
    private readonly RateLimitedLog _writeErrorLog;
    private readonly AsyncSignal _dataAppended = new();
    private readonly AsyncSignal _spaceFreed = new();
    private readonly ArrayBufferWriter<byte> _frame = new(4096);
    private readonly Utf8JsonWriter _json;
    private readonly List<QueueSegment> _segments = [];
    private readonly List<(SafeFileHandle Handle, QueueSegment Segment, long Length)> _retired = [];
    private readonly ITimer _syncTimer;

    private SafeFileHandle? _writeHandle;
    private long _nextSequence = 1;
    private long _acknowledged;
    private long _diskBytes;
    private long _rejectedWhenFull;
    private bool _disposed;

    private DiskQueue(string directory, QueueOptions options, string collectorId, TimeProvider time)
    {
        _directory = directory;
        _options = options;
        _collectorId = collectorId;
        _time = time;
        _fullLog = new RateLimitedLog(TimeSpan.FromSeconds(10), time);
        _writeErrorLog = new RateLimitedLog(TimeSpan.FromSeconds(10), time);
        _json = new Utf8JsonWriter(_frame, new JsonWriterOptions { SkipValidation = true });
        var interval = TimeSpan.FromMilliseconds(options.FsyncIntervalMilliseconds);
        _syncTimer = time.CreateTimer(_ => SyncQuietly(), null, interval, interval);
    }

    /// <summary>What <see cref="Open"/> found on disk.</summary>
    public QueueRecoveryReport Recovery { get; private set; } = new(0, 0, 0, 0);

    /// <summary>Records appended and not yet acknowledged.</summary>
    public long Depth
    {
        get
        {
            lock (_gate)
            {
                return _nextSequence - 1 - _acknowledged;
            }
        }
    }

    /// <summary>Bytes the segment files take on disk; bounded by <see cref="QueueOptions.MaxQueueBytes"/>.</summary>
    public long DiskBytes => Interlocked.Read(ref _diskBytes);

    public long AcknowledgedSequence
    {
        get
        {
            lock (_gate)
            {
                return _acknowledged;
            }
        }
    }

    /// <summary>True when 95 % of <see cref="QueueOptions.MaxQueueBytes"/> is used: inputs are about to be held back.</summary>
    public bool IsNearlyFull => DiskBytes >= _options.MaxQueueBytes / 100 * 95;

    /// <summary>Appends refused because the queue was full (TryWrite); WriteAsync waits instead.</summary>
    public long RejectedWhenFull => Interlocked.Read(ref _rejectedWhenFull);

    /// <summary>Opens (creating if needed) the queue in <paramref name="directory"/>, recovering what a crash left.</summary>
    public static DiskQueue Open(string directory, QueueOptions options, string collectorId, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var queue = new DiskQueue(directory, options, collectorId, time ?? TimeProvider.System);
        try
        {
            queue.Recover();
        }
        catch
        {
            queue.Dispose();
            throw;
        }

        return queue;
    }

    public void Dispose()
    {
        lock (_syncGate)
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
            }

            _syncTimer.Dispose();
            SyncLocked();
            _writeHandle?.Dispose();
            _readHandle?.Dispose();
            _json.Dispose();
        }
    }
}
