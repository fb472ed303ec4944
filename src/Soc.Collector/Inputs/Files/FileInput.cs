using System.Security.Cryptography;
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
