using Soc.Collector.Inputs;
using Soc.Collector.Inputs.Files;
using Soc.Collector.Records;
using Soc.Collector.Tests.Support;
using static Soc.Collector.Tests.Inputs.Files.FileScenario;

namespace Soc.Collector.Tests.Inputs.Files;

/// <summary>Restart from the checkpoint: no loss, and a re-read yields the same ids.</summary>
public sealed class FileInputCheckpointTests : IDisposable
{
    private readonly FileScenario _files = new();

    [Fact]
    public async Task RestartFromCheckpointResumesWithoutLossOrDuplicateIds()
    {
        var log = Path.Combine(Logs, "app.log");
        var writer = new InMemoryRecordWriter();
        string? earlyCheckpoint = null;
        var checkpoint = _files.Checkpoint;
        await using (var run = new RunningInput(new FileInput(Options("app.log"), "h"), writer))
        {
            Append(log, 0, 10);
            await writer.WaitForAsync(10);
            await WaitUntilAsync(() => File.Exists(checkpoint) && File.ReadAllText(checkpoint).Contains("\"Offset\": 70", StringComparison.Ordinal));
            earlyCheckpoint = File.ReadAllText(checkpoint);
            Append(log, 10, 20);
            await writer.WaitForAsync(20);
        }

        // A clean stop saved everything: a new instance ships only what was written while it was down.
        Append(log, 20, 25);
        await using (var run = new RunningInput(new FileInput(Options("app.log"), "h"), writer))
        {
            await writer.WaitForAsync(25);
            Append(log, 25, 30);
            await writer.WaitForAsync(30);
        }

        AssertExactlyOnce(writer.Records, 30);

        // A crash after lines 10..29 were queued but before their checkpoint was saved: the re-read repeats them
        // with the very same ids, so the center (create-if-absent by id) still stores each line once.
        File.WriteAllText(checkpoint, earlyCheckpoint);
        var replay = new InMemoryRecordWriter();
        await using (var run = new RunningInput(new FileInput(Options("app.log"), "h"), replay))
        {
            await replay.WaitForAsync(20);
        }

        var original = writer.Records.ToDictionary(r => r.Id, r => r.Message);
        Assert.Equal(20, replay.Records.Count);
        Assert.All(replay.Records, r => Assert.Equal(original[r.Id], r.Message));
        Assert.Equal("line 10", replay.Records[0].Message);
    }

    [Fact]
    public async Task TheCheckpointNeverPassesARecordWhoseWriteHasNotCompleted()
    {
        var log = Path.Combine(Logs, "app.log");
        Append(log, 0, 10);
        var stalled = new StallingRecordWriter(acceptBeforeStall: 4);
        await using (var run = new RunningInput(new FileInput(Options("app.log"), "h"), stalled))
        {
            await stalled.Stalled.WaitAsync(TimeSpan.FromSeconds(20));
        }

        // Stopped while the 5th write was waiting on a full queue: the checkpoint points at that line's start.
        var checkpoint = File.ReadAllText(_files.Checkpoint);
        Assert.Contains("\"Offset\": 28", checkpoint, StringComparison.Ordinal);
        var writer = new InMemoryRecordWriter();
        await using (var run = new RunningInput(new FileInput(Options("app.log"), "h"), writer))
        {
            await writer.WaitForAsync(6);
        }

        Assert.Equal(Enumerable.Range(4, 6).Select(i => $"line {i}"), writer.Records.Select(r => r.Message));
    }

    [Fact]
    public async Task ACorruptCheckpointIsSetAsideAndFilesAreReadAgainWithTheSameIds()
    {
        var log = Path.Combine(Logs, "app.log");
        Append(log, 0, 200);
        var writer = new InMemoryRecordWriter();
        await using (var run = new RunningInput(new FileInput(Options("app.log"), "h"), writer))
        {
            await writer.WaitForAsync(200);
        }

        var checkpoint = _files.Checkpoint;
        File.WriteAllText(checkpoint, "{ not json");
        var again = new InMemoryRecordWriter();
        await using (var run = new RunningInput(new FileInput(Options("app.log"), "h"), again))
        {
            await again.WaitForAsync(200);
        }

        // The file is over 1 KiB: its identity comes out the same, so the center stores each line once.
        Assert.Equal(writer.Records.Select(r => r.Id), again.Records.Select(r => r.Id));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(checkpoint)!, "nginx.json.corrupt-*"));
    }

    /// <summary>A queue that takes a few records and then stays full until the input is stopped.</summary>
    private sealed class StallingRecordWriter(int acceptBeforeStall) : IRecordWriter
    {
        private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _accepted;

        public Task Stalled => _stalled.Task;

        public async ValueTask WriteAsync(CollectorRecord record, CancellationToken cancellationToken)
        {
            if (_accepted < acceptBeforeStall)
            {
                _accepted++;
                return;
            }

            _stalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        public bool TryWrite(CollectorRecord record) => false;
    }

    public void Dispose() => _files.Dispose();

    private string Logs => _files.Logs;

    private FileInputOptions Options(string pattern) => _files.Options(pattern);
}
