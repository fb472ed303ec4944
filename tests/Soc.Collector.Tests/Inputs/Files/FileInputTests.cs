using Soc.Collector.Inputs;
using Soc.Collector.Inputs.Files;
using Soc.Collector.Records;
using Soc.Collector.Tests.Support;

namespace Soc.Collector.Tests.Inputs.Files;

public sealed class FileInputTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    private string Logs => Directory.CreateDirectory(_dir.File("logs")).FullName;

    [Fact]
    public async Task ShipsLinesAppendedLaterAndHoldsAPartialLineUntilItsNewline()
    {
        var log = Path.Combine(Logs, "app.log");
        File.WriteAllText(log, "one\ntwo\n");
        var writer = new InMemoryRecordWriter();
        await using (var run = new RunningInput(new FileInput(Options("*.log"), "web-1"), writer))
        {
            await writer.WaitForAsync(2);
            File.AppendAllText(log, "three\nfour without newline");
            await writer.WaitForAsync(3);
            File.AppendAllText(log, " yet\r\nfive\n");
            await writer.WaitForAsync(5);
        }

        var records = writer.Records;
        Assert.Equal(["one", "two", "three", "four without newline yet", "five"], records.Select(r => r.Message));
        Assert.Equal([0L, 4, 8, 14, 40], records.Select(Offset));
        var identity = records[0].Id.Split(':')[0];
        Assert.All(records, r =>
        {
            Assert.StartsWith(identity + ":", r.Id, StringComparison.Ordinal);
            Assert.Equal("nginx.access", r.SourceType);
            Assert.Equal("web-1", r.Host);
            Assert.Equal(log, r.Source);
            Assert.Equal("Asia/Ho_Chi_Minh", r.TimeZone);
            Assert.Null(r.Peer);
        });
    }

    [Fact]
    public async Task RenameRotationLosesAndDuplicatesNothing()
    {
        var log = Path.Combine(Logs, "app.log");
        var writer = new InMemoryRecordWriter();
        await using (var run = new RunningInput(new FileInput(Options("app.log"), "h"), writer))
        {
            // The daemon keeps its old file open and writes a few more lines after logrotate renamed it.
            using (var daemon = new StreamWriter(new FileStream(log, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)))
            {
                Write(daemon, 0, 30);
                await writer.WaitForAsync(10);
                File.Move(log, log + ".1");
                Write(daemon, 30, 40);
            }

            File.WriteAllText(log, "");
            for (var i = 40; i < 60; i++)
            {
                File.AppendAllText(log, $"line {i}\n");
            }

            await writer.WaitForAsync(60);
        }

        AssertExactlyOnce(writer.Records, 60);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CopytruncateRotationLosesAndDuplicatesNothing(bool waitBeforeRotating)
    {
        var log = Path.Combine(Logs, "app.log");
        var options = Options("app.log*");
        options.Exclude = [Path.Combine(Logs, "*.gz")];
        var writer = new InMemoryRecordWriter();
        await using (var run = new RunningInput(new FileInput(options, "h"), writer))
        {
            Append(log, 0, 50);
            await writer.WaitForAsync(50);
            Append(log, 50, 60);
            if (waitBeforeRotating)
            {
                await writer.WaitForAsync(60);
            }

            // logrotate copytruncate: copy, then truncate in place; the daemon keeps appending to the same inode.
            File.Copy(log, log + ".1");
            File.WriteAllText(Path.Combine(Logs, "app.log.2.gz"), "not text\n");
            using (var stream = new FileStream(log, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
            {
                stream.SetLength(0);
            }

            Append(log, 60, 80);
            await writer.WaitForAsync(80);
        }

        AssertExactlyOnce(writer.Records, 80);
        Assert.DoesNotContain(writer.Records, r => r.Message == "not text");
        Assert.Equal(0, Offset(writer.Records.Single(r => r.Message == "line 60")));
    }

    [Fact]
    public async Task CopytruncateWhileStoppedContinuesFromTheCopy()
    {
        var log = Path.Combine(Logs, "app.log");
        var writer = new InMemoryRecordWriter();
        Append(log, 0, 50);
        await using (var run = new RunningInput(new FileInput(Options("app.log*"), "h"), writer))
        {
            await writer.WaitForAsync(50);
        }

        // Lines 50..59 exist only in the rotated copy: the collector never saw them in app.log.
        Append(log, 50, 60);
        File.Copy(log, log + ".1");
        File.WriteAllText(log, "");
        Append(log, 60, 80);
        await using (var run = new RunningInput(new FileInput(Options("app.log*"), "h"), writer))
        {
            await writer.WaitForAsync(80);
        }

        AssertExactlyOnce(writer.Records, 80);
        var copied = writer.Records.Single(r => r.Message == "line 50");
        Assert.Equal(log + ".1", copied.Source);
        Assert.Equal(writer.Records[0].Id.Split(':')[0] + ":390", copied.Id);
    }

    [Fact]
    public async Task ANewFileUnderAKnownInodeIsReadFromItsBeginning()
    {
        var log = Path.Combine(Logs, "app.log");
        var writer = new InMemoryRecordWriter();
        Append(log, 0, 10);
        await using (var run = new RunningInput(new FileInput(Options("app.log"), "h"), writer))
        {
            await writer.WaitForAsync(10);
        }

        // What a reused inode looks like to the tailer: the checkpoint's device/inode now holds other content,
        // longer than the saved offset. Rewriting in place keeps the inode for certain (a delete and create only
        // usually does); only the fingerprint tells that offset 70 means nothing in this file.
        UnixFileId.TryGet(log, out var before, out _);
        using (var stream = new FileStream(log, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(0);
            stream.Write(System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 12).Select(i => $"new {i:D2}\n"))));
        }

        UnixFileId.TryGet(log, out var after, out _);
        Assert.Equal(before, after);
        await using (var run = new RunningInput(new FileInput(Options("app.log"), "h"), writer))
        {
            await writer.WaitForAsync(22);
        }

        var fresh = writer.Records.Skip(10).ToList();
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"new {i:D2}"), fresh.Select(r => r.Message));
        Assert.Equal(0, Offset(fresh[0]));
        Assert.NotEqual(writer.Records[0].Id.Split(':')[0], fresh[0].Id.Split(':')[0]);
    }

    [Fact]
    public async Task AShortFileThatMerelyStartsLikeAnotherIsReadAfterTheGracePeriod()
    {
        File.WriteAllText(Path.Combine(Logs, "a.log"), "Starting\n");
        var writer = new InMemoryRecordWriter();
        await using (var run = new RunningInput(new FileInput(Options("*.log"), "h"), writer))
        {
            await writer.WaitForAsync(1);

            // b.log begins with all of a.log's bytes: it could be a copy, so it waits, but not forever.
            File.WriteAllText(Path.Combine(Logs, "b.log"), "Starting\nb ready\n");
            await writer.WaitForAsync(3);
        }

        Assert.Equal(["Starting", "Starting", "b ready"], writer.Records.Select(r => r.Message));
    }

    [Fact]
    public async Task TruncationRestartsAtZero()
    {
        var log = Path.Combine(Logs, "app.log");
        Append(log, 0, 5);
        var writer = new InMemoryRecordWriter();
        var input = new FileInput(Options("app.log"), "h");
        await using (var run = new RunningInput(input, writer))
        {
            await writer.WaitForAsync(5);
            File.WriteAllText(log, "");
            await WaitUntilAsync(() => input.Stats.Replaced == 1);
            File.WriteAllText(log, "after truncation\n");
            await writer.WaitForAsync(6);
        }

        var last = writer.Records[^1];
        Assert.Equal("after truncation", last.Message);
        Assert.Equal(0, Offset(last));
        Assert.NotEqual(writer.Records[0].Id.Split(':')[0], last.Id.Split(':')[0]);
        Assert.Equal(6, writer.Records.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task PicksUpFilesThatAppearLaterFromTheirBeginning()
    {
        var options = Options("*.log");
        options.Paths.Add(Path.Combine(_dir.Path, "sites", "*", "access.log"));
        options.StartPosition = StartPosition.End;
        File.WriteAllText(Path.Combine(Logs, "old.log"), "already there\nalso old\n");
        var writer = new InMemoryRecordWriter();
        await using (var run = new RunningInput(new FileInput(options, "h"), writer))
        {
            // The first scan has registered old.log (at its end) once the checkpoint exists.
            await WaitUntilAsync(() => File.Exists(Path.Combine(_dir.File("data"), "checkpoints", "nginx.json")));
            File.AppendAllText(Path.Combine(Logs, "old.log"), "new in old\n");
            await writer.WaitForAsync(1);
            File.WriteAllText(Path.Combine(Logs, "new.log"), "first\nsecond\n");
            var site = Directory.CreateDirectory(Path.Combine(_dir.Path, "sites", "a")).FullName;
            File.WriteAllText(Path.Combine(site, "access.log"), "GET /\n");
            await writer.WaitForAsync(4);
        }

        Assert.Equal(["GET /", "first", "new in old", "second"], writer.Records.Select(r => r.Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RestartFromCheckpointResumesWithoutLossOrDuplicateIds()
    {
        var log = Path.Combine(Logs, "app.log");
        var writer = new InMemoryRecordWriter();
        string? earlyCheckpoint = null;
        var checkpoint = Path.Combine(_dir.File("data"), "checkpoints", "nginx.json");
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
        var checkpoint = File.ReadAllText(Path.Combine(_dir.File("data"), "checkpoints", "nginx.json"));
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

        var checkpoint = Path.Combine(_dir.File("data"), "checkpoints", "nginx.json");
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

    [Fact]
    public async Task JoinsContinuationLinesOfMultiLineEntries()
    {
        var log = Path.Combine(Logs, "error.log");
        var options = Options("error.log");
        options.MultilineStartPattern = @"^\d{4}-\d\d-\d\d ";
        options.MultilineTimeoutSeconds = 1;
        File.WriteAllText(log,
            "2026-11-22 03:00:00 ERROR boom\n" +
            "System.InvalidOperationException: bad\n" +
            "   at A.B()\n" +
            "2026-11-22 03:00:01 INFO fine\n" +
            "2026-11-22 03:00:02 ERROR again\n" +
            "   at C.D()\n");
        var writer = new InMemoryRecordWriter();
        await using (var run = new RunningInput(new FileInput(options, "h"), writer))
        {
            // The last entry has no successor; it is shipped after the multi-line timeout.
            await writer.WaitForAsync(3);
        }

        Assert.Equal(
            [
                "2026-11-22 03:00:00 ERROR boom\nSystem.InvalidOperationException: bad\n   at A.B()",
                "2026-11-22 03:00:01 INFO fine",
                "2026-11-22 03:00:02 ERROR again\n   at C.D()",
            ],
            writer.Records.Select(r => r.Message));
        Assert.Equal([0L, 81, 111], writer.Records.Select(Offset));
    }

    [Fact]
    public async Task MarksOverlongLinesTruncatedAndShipsThePartialLineAfterItsTimeout()
    {
        var log = Path.Combine(Logs, "app.log");
        var options = Options("app.log");
        options.MaxMessageBytes = 256;
        options.PartialLineTimeoutSeconds = 1;
        File.WriteAllText(log, new string('z', 1000) + "\nshort\nno newline");
        var writer = new InMemoryRecordWriter();
        var input = new FileInput(options, "h");
        await using (var run = new RunningInput(input, writer))
        {
            await writer.WaitForAsync(3);
        }

        var records = writer.Records;
        Assert.Equal(new string('z', 256), records[0].Message);
        Assert.True(TruncationMark.IsTruncated(records[0]));
        Assert.Equal(log + TruncationMark.SourceSuffix, records[0].Source);
        Assert.Equal(("short", 1001L), (records[1].Message, Offset(records[1])));
        Assert.False(TruncationMark.IsTruncated(records[1]));
        Assert.Equal("no newline", records[2].Message);
        Assert.Equal(1, input.Stats.Truncated);
    }

    [Fact]
    public void ValidateReportsEveryProblem()
    {
        var options = new FileInputOptions { Name = "a/b", Paths = ["relative/*.log"], MultilineStartPattern = "(", TimeZone = "Nowhere/City", PollIntervalMilliseconds = 0 };

        Assert.Equal(7, options.Validate().Count);
        Assert.Empty(Options("*.log").Validate());
    }

    public void Dispose() => _dir.Dispose();

    private static long Offset(CollectorRecord record) => long.Parse(record.Id.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

    private static void Write(StreamWriter writer, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            writer.Write($"line {i}\n");
            writer.Flush();
        }
    }

    private static void Append(string path, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            File.AppendAllText(path, $"line {i}\n");
        }
    }

    private static void AssertExactlyOnce(IReadOnlyList<CollectorRecord> records, int count)
    {
        var expected = Enumerable.Range(0, count).Select(i => $"line {i}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, records.Select(r => r.Message).Order(StringComparer.Ordinal));
        Assert.Equal(count, records.Select(r => r.Id).Distinct().Count());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }

    private FileInputOptions Options(string pattern) => new()
    {
        Name = "nginx",
        Paths = [Path.Combine(Logs, pattern)],
        SourceType = "nginx.access",
        DataDirectory = _dir.File("data"),
        PollIntervalMilliseconds = 20,
        CheckpointIntervalMilliseconds = 0,
        RotatedFileGraceSeconds = 1,
    };

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
}
