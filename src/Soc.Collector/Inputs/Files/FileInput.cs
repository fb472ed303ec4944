using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Soc.Collector.Inputs.Files;

/// <summary>
/// Tails the files matching glob patterns, polling (no inotify). A file is known by its device/inode plus a
/// SHA-256 fingerprint of its first bytes (up to 1 KiB): the inode follows a file through renames, the fingerprint
/// tells a reused inode, a truncated-and-rewritten file and a copy (copytruncate) apart. Every record's id is
/// <c>{file identity}:{offset of its first byte}</c>, and the checkpoint records per identity the offset of the
/// next line not yet written, advanced only after <see cref="IRecordWriter.WriteAsync"/> completed: a restart
/// re-reads from there and produces the same ids, which the center stores once.
/// </summary>
/// <remarks>
/// Rotation: a renamed file keeps being read (same inode) until it has not grown for
/// <see cref="FileInputOptions.RotatedFileGraceSeconds"/> after it stopped matching; the new file is read from its
/// beginning. Copytruncate: when the file shrinks (or its first bytes change) its old identity is detached, and a
/// matching file whose first bytes equal the old content (the rotated copy, if the patterns match it) continues
/// that identity from its checkpoint, so lines written between the last read and the truncation are not lost.
/// The truncated file itself restarts at offset 0 under a new identity.
/// </remarks>
public sealed partial class FileInput(FileInputOptions options, string host, TimeProvider? timeProvider = null) : IInput
{
    private const int FingerprintBytes = 1024;

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly Dictionary<UnixFileId, TrackedFile> _tracked = [];
    private readonly List<FileCheckpoint> _entries = [];
    private readonly Dictionary<UnixFileId, DateTimeOffset> _deferredSince = [];
    private readonly GlobPattern[] _include = [.. options.Paths.Select(p => new GlobPattern(p))];
    private readonly GlobPattern[] _exclude = [.. options.Exclude.Select(p => new GlobPattern(p))];
    private readonly System.Text.RegularExpressions.Regex? _multiline =
        string.IsNullOrEmpty(options.MultilineStartPattern) ? null : MultilineJoiner.Compile(options.MultilineStartPattern);

    private readonly CheckpointStore _checkpoints = new(options.DataDirectory, options.Name);
    private bool _dirty;
    private DateTimeOffset _lastSave;

    public string Name => "file:" + options.Name;

    public FileInputStats Stats { get; } = new();

    public async Task RunAsync(IRecordWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var (saved, existed) = _checkpoints.Load();
        _entries.AddRange(saved);
        var firstScan = true;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (Scan(applyStartPosition: firstScan && !existed))
                {
                    // New identities are on disk before any record carries them, so a crash cannot re-number a file.
                    Save();
                }

                firstScan = false;
                var more = false;
                foreach (var file in _tracked.Values.ToList())
                {
                    more |= await PumpAsync(file, writer, cancellationToken).ConfigureAwait(false);
                }

                await CloseRotatedAsync(writer, cancellationToken).ConfigureAwait(false);
                Forget();
                Stats.SetOpenFiles(_tracked.Count);
                if (_dirty && _time.GetUtcNow() - _lastSave >= TimeSpan.FromMilliseconds(options.CheckpointIntervalMilliseconds))
                {
                    Save();
                }

                if (!more)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(options.PollIntervalMilliseconds), _time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down; the checkpoint below keeps every completed write.
        }
        finally
        {
            Save();
            foreach (var file in _tracked.Values)
            {
                file.Dispose();
            }

            _tracked.Clear();
        }
    }

    private static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] ReadPrefix(SafeFileHandle handle, long length)
    {
        var prefix = new byte[(int)Math.Min(length, FingerprintBytes)];
        var read = 0;
        while (read < prefix.Length)
        {
            var n = RandomAccess.Read(handle, prefix.AsSpan(read), read);
            if (n <= 0)
            {
                break;
            }

            read += n;
        }

        return read == prefix.Length ? prefix : prefix[..read];
    }

    private static bool Matches(FileCheckpoint entry, byte[] prefix) =>
        entry.FingerprintBytes <= prefix.Length && Hash(prefix.AsSpan(0, entry.FingerprintBytes)) == entry.Fingerprint;

    /// <summary>Offset just after the last newline: where <see cref="StartPosition.End"/> starts, so no line is cut.</summary>
    private static long EndOfLastLine(SafeFileHandle handle, long length)
    {
        var tail = new byte[(int)Math.Min(length, 64 * 1024)];
        var read = RandomAccess.Read(handle, tail, length - tail.Length);
        var newline = tail.AsSpan(0, read).LastIndexOf((byte)'\n');
        return newline < 0 ? length : length - tail.Length + newline + 1;
    }

    /// <summary>Finds matching files and opens the ones not yet tracked; true when it assigned or moved an identity.</summary>
    private bool Scan(bool applyStartPosition)
    {
        var now = _time.GetUtcNow();
        var seen = new HashSet<UnixFileId>();
        var unknown = new List<(string Path, UnixFileId Id)>();
        var changed = false;
        foreach (var path in _include.SelectMany(p => p.Expand()).Distinct(StringComparer.Ordinal))
        {
            if (_exclude.Any(e => e.IsMatch(path)) || !UnixFileId.TryGet(path, out var id, out var size) || !seen.Add(id))
            {
                continue;
            }

            if (_tracked.TryGetValue(id, out var file))
            {
                file.Path = file.Entry.Path = path;
                file.UnmatchedSince = null;
            }
            else if (size > 0 && _entries.Exists(e => !e.Detached && e.Device == id.Device && e.Inode == id.Inode))
            {
                // Files we know go first: one truncated while we were down must be detached before its copy is looked at.
                changed |= Open(path, id, applyStartPosition, now);
            }
            else if (size > 0)
            {
                unknown.Add((path, id));
            }
        }

        foreach (var (path, id) in unknown)
        {
            changed |= Open(path, id, applyStartPosition, now);
        }

        foreach (var id in _deferredSince.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _deferredSince.Remove(id);
        }

        foreach (var file in _tracked.Values)
        {
            if (!seen.Contains(file.Id))
            {
                file.UnmatchedSince ??= now;
                if (file.ResolveCurrentPath() is { } moved)
                {
                    file.Path = file.Entry.Path = moved;
                }
            }
        }

        return changed;
    }

    private bool Open(string path, UnixFileId id, bool applyStartPosition, DateTimeOffset now)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Stats.AddError();
            return false;
        }

        var keep = false;
        try
        {
            if (UnixFileId.Of(handle) != id)
            {
                // Replaced between stat and open; the next scan sees the new file.
                return false;
            }

            var length = RandomAccess.GetLength(handle);
            var prefix = ReadPrefix(handle, length);
            if (prefix.Length == 0)
            {
                return false;
            }

            var known = _entries.Find(e => !e.Detached && e.Device == id.Device && e.Inode == id.Inode);
            if (known is not null)
            {
                if (Matches(known, prefix) && length >= known.Offset)
                {
                    keep = Track(handle, id, known, path, now);
                    return false;
                }

                // Truncated while we were not running, or the inode now holds another file.
                known.Detached = true;
                Stats.AddReplaced();
                _dirty = true;
            }

            var copied = _entries.Find(e => e.Detached && Matches(e, prefix) && length >= e.Offset);
            if (copied is not null)
            {
                // The rotated copy of a truncated file: continue its identity where it stood.
                copied.Detached = false;
                copied.Device = id.Device;
                copied.Inode = id.Inode;
                keep = Track(handle, id, copied, path, now);
                return true;
            }

            if (_tracked.Values.FirstOrDefault(f => Matches(f.Entry, prefix)) is { } original && IsStillDeferred(id, original.Entry, now))
            {
                // A copy of a file still being read (copytruncate has copied, not yet truncated): decide next poll.
                return false;
            }

            _deferredSince.Remove(id);

            var entry = new FileCheckpoint
            {
                Identity = NewIdentity(id, prefix),
                Device = id.Device,
                Inode = id.Inode,
                FingerprintBytes = prefix.Length,
                Fingerprint = Hash(prefix),
                Offset = applyStartPosition && options.StartPosition == StartPosition.End ? EndOfLastLine(handle, length) : 0,
                Path = path,
            };
            _entries.Add(entry);
            keep = Track(handle, id, entry, path, now);
            return true;
        }
        catch (IOException)
        {
            Stats.AddError();
            return false;
        }
        finally
        {
            if (!keep)
            {
                handle.Dispose();
            }
        }
    }

    // A full 1 KiB fingerprint match is a copy for certain (a backup copy is never read twice). A shorter one may be
    // a different file that merely starts alike ("Starting\n"), so it waits only for the grace period.
    private bool IsStillDeferred(UnixFileId id, FileCheckpoint original, DateTimeOffset now)
    {
        if (original.FingerprintBytes >= FingerprintBytes)
        {
            return true;
        }

        if (!_deferredSince.TryGetValue(id, out var since))
        {
            _deferredSince[id] = since = now;
        }

        return now - since < TimeSpan.FromSeconds(options.RotatedFileGraceSeconds);
    }

    private bool Track(SafeFileHandle handle, UnixFileId id, FileCheckpoint entry, string path, DateTimeOffset now)
    {
        entry.Path = path;
        entry.LastSeen = now;
        var joiner = _multiline is null ? null : new MultilineJoiner(_multiline, options.MaxMessageBytes);
        _tracked[id] = new TrackedFile(handle, id, entry, path, options.MaxMessageBytes, joiner) { LastGrowth = now };
        return true;
    }

    // Device, inode and first bytes: the same content under the same inode gets the same identity, and a
    // generation suffix keeps it unique when a file is rewritten with identical first bytes.
    private string NewIdentity(UnixFileId id, byte[] prefix)
    {
        var seed = Encoding.UTF8.GetBytes($"{id.Device}:{id.Inode}:").Concat(prefix).ToArray();
        var identity = Hash(seed)[..32];
        var candidate = identity;
        for (var generation = 1; _entries.Exists(e => e.Identity == candidate); generation++)
        {
            candidate = $"{identity}.{generation}";
        }

        return candidate;
    }

    private void Forget()
    {
        var now = _time.GetUtcNow();
        foreach (var file in _tracked.Values)
        {
            file.Entry.LastSeen = now;
        }

        var cutoff = now - TimeSpan.FromHours(options.ForgetMissingFilesAfterHours);
        _dirty |= _entries.RemoveAll(e => e.LastSeen < cutoff) > 0;
    }

    private void Save()
    {
        try
        {
            _checkpoints.Save(_entries);
            _dirty = false;
            _lastSave = _time.GetUtcNow();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full or read-only disk: keep tailing. The checkpoint only lags; a restart re-reads with the same ids.
            Stats.AddCheckpointError();
        }
    }
}
