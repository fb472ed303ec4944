using Soc.Collector.Inputs.Files;
using Soc.Collector.Records;

namespace Soc.Collector.Tests.Inputs.Files;

/// <summary>A scratch folder with a logs/ and a data/ folder, file input options over it, and helpers to write lines.</summary>
internal sealed class FileScenario : IDisposable
{
    public ScratchDirectory Dir { get; } = new();

    public string Logs => Directory.CreateDirectory(Dir.File("logs")).FullName;

    public string Checkpoint => Path.Combine(Dir.File("data"), "checkpoints", "nginx.json");

    /// <summary>Fast polling and a short rotation grace, so tests wait milliseconds, not seconds.</summary>
    public FileInputOptions Options(string pattern) => new()
    {
        Name = "nginx",
        Paths = [Path.Combine(Logs, pattern)],
        SourceType = "nginx.access",
        DataDirectory = Dir.File("data"),
        PollIntervalMilliseconds = 20,
        CheckpointIntervalMilliseconds = 0,
        RotatedFileGraceSeconds = 1,
    };

    public void Dispose() => Dir.Dispose();

    public static long Offset(CollectorRecord record) => long.Parse(record.Id.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

    public static void Write(StreamWriter writer, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            writer.Write($"line {i}\n");
            writer.Flush();
        }
    }

    public static void Append(string path, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            File.AppendAllText(path, $"line {i}\n");
        }
    }

    public static void AssertExactlyOnce(IReadOnlyList<CollectorRecord> records, int count)
    {
        var expected = Enumerable.Range(0, count).Select(i => $"line {i}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, records.Select(r => r.Message).Order(StringComparer.Ordinal));
        Assert.Equal(count, records.Select(r => r.Id).Distinct().Count());
    }

    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }
}
