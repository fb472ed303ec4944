using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Soc.Collector.Inputs.Files;

// Discovery: which files match, and which identity each one continues or gets.
public sealed partial class FileInput
{
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
            else if (_entries.Find(e => !e.Detached && e.Device == id.Device && e.Inode == id.Inode) is { } emptied)
            {
                // Known content, now empty: truncated (copytruncate) while we were not reading it. Detach before the
                // unknown files are opened, so the rotated copy continues this identity instead of starting anew.
                emptied.Detached = true;
                Stats.AddReplaced();
                _dirty = true;
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
}
