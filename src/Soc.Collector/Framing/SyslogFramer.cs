using System.Buffers;

namespace Soc.Collector.Framing;

/// <summary>
/// Cuts a syslog byte stream into messages: RFC 6587 octet counting (<c>MSGLEN SP MSG</c>) or non-transparent
/// framing (a trailer ends each message). Resumable: feed it whatever the socket returned and it keeps the partial
/// frame between calls, so frames may span reads. Memory is bounded by the maximum message size: a longer message
/// keeps its first bytes, is flagged <see cref="FrameStatus.Truncated"/> and the rest of it is skipped, never buffered.
/// </summary>
/// <remarks>
/// In <see cref="FramingMode.Detect"/> the first frame of the stream decides: digits followed by a space mean octet
/// counting, anything else means non-transparent. The decision is kept for the stream so that a plain line starting
/// with a number is not mistaken for a length later. On an octet-counted stream, bytes that are not <c>MSGLEN SP</c>
/// are passed on as one <see cref="FrameStatus.Malformed"/> line and the framer resynchronises after it.
/// </remarks>
public sealed class SyslogFramer : IDisposable
{
    // Nine digits keep the length in an int; no sender announces a gigabyte message.
    private const int MaxLengthDigits = 9;

    // Most messages are far below the maximum; the buffer starts small and doubles up to it as needed, so a
    // thousand idle connections do not each hold the maximum.
    private const int InitialBufferBytes = 4096;
    private const byte Lf = (byte)'\n';
    private const byte Cr = (byte)'\r';
    private const byte Nul = 0;

    private readonly int _maxMessageBytes;
    private byte[] _buffer;
    private State _state;
    private int _count;
    private int _length;
    private int _lengthDigits;
    private int _remaining;
    private FrameStatus _status;

    public SyslogFramer(int maxMessageBytes, FramingMode mode = FramingMode.Detect)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMessageBytes);
        _maxMessageBytes = maxMessageBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxMessageBytes, InitialBufferBytes));
        Mode = mode;
    }

    private enum State
    {
        Start,
        Length,
        Body,
        Line,
    }

    /// <summary>The stream's framing; <see cref="FramingMode.Detect"/> until the first frame has decided it.</summary>
    public FramingMode Mode { get; private set; }

    /// <summary>
    /// Consumes <paramref name="input"/> until one frame is complete. <paramref name="consumed"/> tells how many bytes
    /// were used; call again with the rest. Returns false when all input was consumed without completing a frame.
    /// </summary>
    public bool TryReadFrame(ReadOnlySpan<byte> input, out int consumed, out SyslogFrame frame)
    {
        var pos = 0;
        while (pos < input.Length)
        {
            switch (_state)
            {
                case State.Start:
                    pos += BeginFrame(input[pos]);
                    break;
                case State.Length:
                    pos += ReadLength(input[pos]);
                    break;
                case State.Body:
                    var take = Math.Min(_remaining, input.Length - pos);
                    Append(input.Slice(pos, take));
                    pos += take;
                    _remaining -= take;
                    if (_remaining == 0)
                    {
                        consumed = pos;
                        frame = Emit(FrameStatus.None);
                        return true;
                    }

                    break;
                default:
                    var rest = input[pos..];
                    var end = rest.IndexOfAny(Lf, Nul);
                    if (end < 0)
                    {
                        Append(rest);
                        pos = input.Length;
                        break;
                    }

                    Append(rest[..end]);
                    pos += end + 1;
                    if ((_status & FrameStatus.Truncated) == 0 && _count > 0 && _buffer[_count - 1] == Cr)
                    {
                        _count--;
                    }

                    if (_count == 0 && _status == FrameStatus.None)
                    {
                        // An empty line carries no message.
                        _state = State.Start;
                        break;
                    }

                    consumed = pos;
                    frame = Emit(FrameStatus.None);
                    return true;
            }
        }

        consumed = pos;
        frame = default;
        return false;
    }

    /// <summary>At the end of the stream: returns what is left of an unfinished frame, flagged <see cref="FrameStatus.Incomplete"/>.</summary>
    public bool TryFlush(out SyslogFrame frame)
    {
        var extra = FrameStatus.Incomplete;
        if (_state == State.Length && Mode == FramingMode.OctetCounting)
        {
            extra |= FrameStatus.Malformed;
        }

        if (_state == State.Start || (_count == 0 && (_status & FrameStatus.Truncated) == 0))
        {
            Reset();
            frame = default;
            return false;
        }

        frame = Emit(extra);
        return true;
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    // Returns how many bytes it consumed: 1 for a skipped separator, 0 when the byte is re-read in the new state.
    private int BeginFrame(byte b)
    {
        if (Mode == FramingMode.OctetCounting && b is Lf or Cr or Nul)
        {
            // Some senders end octet-counted frames with a newline as well; it belongs to no message.
            return 1;
        }

        if (Mode != FramingMode.NonTransparent && IsDigit(b))
        {
            _state = State.Length;
            _length = 0;
            _lengthDigits = 0;
            return 0;
        }

        StartLine();
        return 0;
    }

    private int ReadLength(byte b)
    {
        if (IsDigit(b) && _lengthDigits < MaxLengthDigits)
        {
            _length = (_length * 10) + (b - '0');
            _lengthDigits++;
            Append([b]);
            return 1;
        }

        if (b == (byte)' ' && _length > 0)
        {
            Mode = FramingMode.OctetCounting;
            _count = 0;
            _status = FrameStatus.None;
            _remaining = _length;
            _state = State.Body;
            return 1;
        }

        // Not a length: the digits already buffered start a line.
        StartLine();
        return 0;
    }

    private void StartLine()
    {
        if (Mode == FramingMode.OctetCounting)
        {
            _status |= FrameStatus.Malformed;
        }
        else
        {
            Mode = FramingMode.NonTransparent;
        }

        _state = State.Line;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        var room = _maxMessageBytes - _count;
        if (bytes.Length > room)
        {
            bytes = bytes[..room];
            _status |= FrameStatus.Truncated;
        }

        if (_count + bytes.Length > _buffer.Length)
        {
            Grow(_count + bytes.Length);
        }

        bytes.CopyTo(_buffer.AsSpan(_count));
        _count += bytes.Length;
    }

    private void Grow(int needed)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_maxMessageBytes, Math.Max(needed, _buffer.Length * 2)));
        _buffer.AsSpan(0, _count).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    private SyslogFrame Emit(FrameStatus extra)
    {
        var frame = new SyslogFrame(_buffer.AsSpan(0, _count), _status | extra);
        Reset();
        return frame;
    }

    private void Reset()
    {
        _count = 0;
        _status = FrameStatus.None;
        _state = State.Start;
    }
}
