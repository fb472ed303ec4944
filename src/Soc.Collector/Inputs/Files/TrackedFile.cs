using System.Buffers;
using Microsoft.Win32.SafeHandles;
using Soc.Collector.Framing;

namespace Soc.Collector.Inputs.Files;

/// <summary>
/// An open file being tailed: its handle (kept open, so a renamed or deleted file is still read to its end and its
/// inode cannot be reused meanwhile), where reading stands, and the line being assembled. The line buffer holds at
/// most the maximum message size; the rest of an overlong line is skipped and the line marked truncated.
/// </summary>
internal sealed class TrackedFile : IDisposable
{
    private readonly int _maxMessageBytes;
    private byte[] _line;
    private int _lineCount;
    private bool _lineTruncated;

    public TrackedFile(SafeFileHandle handle, UnixFileId id, FileCheckpoint entry, string path, int maxMessageBytes, MultilineJoiner? joiner)
    {
        Handle = handle;
        Id = id;
        Entry = entry;
        Path = path;
        Joiner = joiner;
        _maxMessageBytes = maxMessageBytes;
        // Starts small and doubles up to the maximum: most lines are short, and many files may be open.
        _line = ArrayPool<byte>.Shared.Rent(Math.Min(maxMessageBytes, 4096));
        ScanOffset = LineStart = entry.Offset;
    }

    public SafeFileHandle Handle { get; }

    public UnixFileId Id { get; }

    public FileCheckpoint Entry { get; }

    public string Path { get; set; }

    public MultilineJoiner? Joiner { get; }

    /// <summary>Offset of the next byte to read.</summary>
    public long ScanOffset { get; private set; }

    /// <summary>Offset where the line being assembled starts.</summary>
    public long LineStart { get; private set; }

    public bool HasPartialLine => ScanOffset > LineStart;

    /// <summary>File size at the last look; a change means growth (or replacement, checked by fingerprint).</summary>
    public long KnownSize { get; set; } = -1;

    public DateTimeOffset LastGrowth { get; set; }

    /// <summary>Since when the file no longer matches the patterns (rotated away or deleted); null while it does.</summary>
    public DateTimeOffset? UnmatchedSince { get; set; }

    /// <summary>
    /// Where the open file is now (e.g. <c>app.log.1</c> after a rename that the patterns do not match), read from
    /// <c>/proc/self/fd</c>; null when it was deleted or cannot be told.
    /// </summary>
    public string? ResolveCurrentPath()
    {
        var added = false;
        try
        {
            Handle.DangerousAddRef(ref added);
            var target = new FileInfo($"/proc/self/fd/{(int)Handle.DangerousGetHandle()}").LinkTarget;
            return target is null || target.EndsWith(" (deleted)", StringComparison.Ordinal) ? null : target;
        }
        catch (IOException)
        {
            return null;
        }
        finally
        {
            if (added)
            {
                Handle.DangerousRelease();
            }
        }
    }

    /// <summary>Consumes bytes read at <see cref="ScanOffset"/>; true when they complete a line.</summary>
    public bool TryTakeLine(ReadOnlySpan<byte> bytes, out int used, out FileLine line)
    {
        var newline = bytes.IndexOf((byte)'\n');
        Append(newline < 0 ? bytes : bytes[..newline]);
        used = newline < 0 ? bytes.Length : newline + 1;
        ScanOffset += used;
        if (newline < 0)
        {
            line = default;
            return false;
        }

        line = CompleteLine();
        return true;
    }

    /// <summary>Ships a line that has no newline (yet): timeout, or the file is closed.</summary>
    public FileLine TakePartialLine() => CompleteLine();

    public void Dispose()
    {
        Handle.Dispose();
        var line = Interlocked.Exchange(ref _line, []);
        if (line.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(line);
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        var room = _maxMessageBytes - _lineCount;
        if (bytes.Length > room)
        {
            bytes = bytes[..room];
            _lineTruncated = true;
        }

        if (_lineCount + bytes.Length > _line.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_maxMessageBytes, Math.Max(_lineCount + bytes.Length, _line.Length * 2)));
            _line.AsSpan(0, _lineCount).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_line);
            _line = bigger;
        }

        bytes.CopyTo(_line.AsSpan(_lineCount));
        _lineCount += bytes.Length;
    }

    private FileLine CompleteLine()
    {
        var bytes = _line.AsSpan(0, _lineCount);
        if (!_lineTruncated && bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        var line = new FileLine(Utf8Text.Decode(bytes, _lineTruncated), LineStart, ScanOffset, _lineTruncated);
        LineStart = ScanOffset;
        _lineCount = 0;
        _lineTruncated = false;
        return line;
    }
}
