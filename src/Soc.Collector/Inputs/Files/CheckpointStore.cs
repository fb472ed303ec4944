using System.Text.Json;

namespace Soc.Collector.Inputs.Files;

/// <summary>
/// The checkpoint file of one file input: JSON, replaced atomically (write a temporary file, fsync it, rename it over
/// the old one, fsync the folder), so after a crash it holds either the old or the new state, never a torn one.
/// </summary>
internal sealed class CheckpointStore(string dataDirectory, string inputName)
{
    private readonly string _directory = Path.Combine(dataDirectory, "checkpoints");

    public string FilePath => Path.Combine(_directory, inputName + ".json");

    /// <summary>The saved entries, and whether a checkpoint existed at all (false on an input's first start).</summary>
    public (List<FileCheckpoint> Entries, bool Existed) Load()
    {
        if (!File.Exists(FilePath))
        {
            return ([], false);
        }

        try
        {
            using var stream = File.OpenRead(FilePath);
            return (JsonSerializer.Deserialize(stream, CheckpointJsonContext.Default.ListFileCheckpoint) ?? [], true);
        }
        catch (JsonException)
        {
            // Unreadable (the disk, or a hand edit): keep it for inspection and read the files again from their
            // beginning. Files of 1 KiB or more get the same identities again, so the center drops the repeats.
            File.Move(FilePath, $"{FilePath}.corrupt-{DateTime.UtcNow:yyyyMMddTHHmmss}", overwrite: true);
            return ([], true);
        }
    }

    public void Save(List<FileCheckpoint> entries)
    {
        Directory.CreateDirectory(_directory);
        var temp = FilePath + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, entries, CheckpointJsonContext.Default.ListFileCheckpoint);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, FilePath, overwrite: true);
        NativeMethods.FsyncDirectory(_directory);
    }
}
