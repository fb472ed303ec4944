using Soc.Collector.Records;

namespace Soc.Collector.Inputs.Files;

// Reading one tracked file: growth, replacement, lines, multi-line entries, timeouts, closing after rotation.
public sealed partial class FileInput
{
    // Read at most this much per file per round, so one busy file cannot starve the others.
    private const int MaxBytesPerRound = 1024 * 1024;

    private readonly byte[] _chunk = new byte[64 * 1024];

    /// <summary>Reads what the file has gained; true when it holds more than this round read.</summary>
    private async Task<bool> PumpAsync(TrackedFile file, IRecordWriter writer, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        long length;
        try
        {
            length = RandomAccess.GetLength(file.Handle);
            if (length != file.KnownSize)
            {
                if (length < file.ScanOffset || !StillSameContent(file, length))
                {
                    await DetachAsync(file, writer, cancellationToken).ConfigureAwait(false);
                    return false;
                }

                file.KnownSize = length;
                file.LastGrowth = now;
            }

            var budget = MaxBytesPerRound;
            while (file.ScanOffset < length && budget > 0)
            {
                var read = RandomAccess.Read(file.Handle, _chunk.AsSpan(0, (int)Math.Min(_chunk.Length, length - file.ScanOffset)), file.ScanOffset);
                if (read <= 0)
                {
                    break;
                }

                budget -= read;
                var pos = 0;
                while (pos < read)
                {
                    var complete = file.TryTakeLine(_chunk.AsSpan(pos, read - pos), out var used, out var line);
                    pos += used;
                    if (complete)
                    {
                        await AcceptAsync(file, line, writer, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (IOException)
        {
            Stats.AddError();
            return false;
        }

        if (file.ScanOffset == length)
        {
            await FlushTimedOutAsync(file, now, writer, cancellationToken).ConfigureAwait(false);
        }

        return file.ScanOffset < length;
    }

    // The first bytes still hash to the fingerprint; while the file is short, the fingerprint grows with it.
    private bool StillSameContent(TrackedFile file, long length)
    {
        var prefix = ReadPrefix(file.Handle, length);
        if (!Matches(file.Entry, prefix))
        {
            return false;
        }

        if (prefix.Length > file.Entry.FingerprintBytes)
        {
            file.Entry.FingerprintBytes = prefix.Length;
            file.Entry.Fingerprint = Hash(prefix);
            _dirty = true;
        }

        return true;
    }

    private async Task FlushTimedOutAsync(TrackedFile file, DateTimeOffset now, IRecordWriter writer, CancellationToken cancellationToken)
    {
        if (file.HasPartialLine && options.PartialLineTimeoutSeconds > 0
            && now - file.LastGrowth >= TimeSpan.FromSeconds(options.PartialLineTimeoutSeconds))
        {
            await AcceptAsync(file, file.TakePartialLine(), writer, cancellationToken).ConfigureAwait(false);
        }

        if (file.Joiner is { PendingStart: not null } joiner && now - joiner.LastAdded >= TimeSpan.FromSeconds(options.MultilineTimeoutSeconds))
        {
            await EmitAsync(file, joiner.Flush()!.Value, writer, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AcceptAsync(TrackedFile file, FileLine line, IRecordWriter writer, CancellationToken cancellationToken)
    {
        if (file.Joiner is null)
        {
            await EmitAsync(file, line, writer, cancellationToken).ConfigureAwait(false);
        }
        else if (file.Joiner.Add(line, _time.GetUtcNow()) is { } entry)
        {
            await EmitAsync(file, entry, writer, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EmitAsync(TrackedFile file, FileLine line, IRecordWriter writer, CancellationToken cancellationToken)
    {
        var record = new CollectorRecord(
            $"{file.Entry.Identity}:{line.Start}",
            options.SourceType,
            host,
            file.Path,
            _time.GetUtcNow(),
            options.TimeZone,
            line.Text,
            null)
        {
            Truncated = TruncationMark.Field(line.Truncated),
            Offset = line.Start,
        };
        await writer.WriteAsync(record, cancellationToken).ConfigureAwait(false);
        Stats.AddRecord(line.Truncated);

        // Durable now: the checkpoint may move past it, but not past an entry still being joined.
        file.Entry.Offset = file.Joiner?.PendingStart ?? line.End;
        _dirty = true;
    }

    /// <summary>
    /// The content at this inode was replaced (truncation, copytruncate). What was complete is shipped; the identity
    /// is detached with its offset, to be continued by a copy if one shows up; the inode is re-read as a new file.
    /// </summary>
    private async Task DetachAsync(TrackedFile file, IRecordWriter writer, CancellationToken cancellationToken)
    {
        if (file.Joiner?.Flush() is { } entry)
        {
            await EmitAsync(file, entry, writer, cancellationToken).ConfigureAwait(false);
        }

        // A partial last line is not shipped: its end, if written before the truncation, is in the copy.
        file.Entry.Detached = true;
        Stats.AddReplaced();
        _tracked.Remove(file.Id);
        file.Dispose();
        _dirty = true;
    }

    /// <summary>Closes files that stopped matching once they have been read to the end and stayed quiet.</summary>
    private async Task CloseRotatedAsync(IRecordWriter writer, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var grace = TimeSpan.FromSeconds(options.RotatedFileGraceSeconds);
        foreach (var file in _tracked.Values.ToList())
        {
            if (file.UnmatchedSince is not { } since || file.ScanOffset < file.KnownSize
                || now - since < grace || now - file.LastGrowth < grace)
            {
                continue;
            }

            // Nothing more will be written to it: ship the last line even without its newline.
            if (file.HasPartialLine)
            {
                await AcceptAsync(file, file.TakePartialLine(), writer, cancellationToken).ConfigureAwait(false);
            }

            if (file.Joiner?.Flush() is { } entry)
            {
                await EmitAsync(file, entry, writer, cancellationToken).ConfigureAwait(false);
            }

            _tracked.Remove(file.Id);
            file.Dispose();
        }
    }
}
