using Soc.Collector.Inputs;
using Soc.Collector.Inputs.Files;
using Soc.Collector.Records;
using Soc.Collector.Tests.Support;
using static Soc.Collector.Tests.Inputs.Files.FileScenario;

namespace Soc.Collector.Tests.Inputs.Files;

public sealed class FileInputTests : IDisposable
{
    private readonly FileScenario _files = new();

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
    public async Task PicksUpFilesThatAppearLaterFromTheirBeginning()
    {
        var options = Options("*.log");
        options.Paths.Add(Path.Combine(_files.Dir.Path, "sites", "*", "access.log"));
        options.StartPosition = StartPosition.End;
        File.WriteAllText(Path.Combine(Logs, "old.log"), "already there\nalso old\n");
        var writer = new InMemoryRecordWriter();
        await using (var run = new RunningInput(new FileInput(options, "h"), writer))
        {
            // The first scan has registered old.log (at its end) once the checkpoint exists.
            await WaitUntilAsync(() => File.Exists(_files.Checkpoint));
            File.AppendAllText(Path.Combine(Logs, "old.log"), "new in old\n");
            await writer.WaitForAsync(1);
            File.WriteAllText(Path.Combine(Logs, "new.log"), "first\nsecond\n");
            var site = Directory.CreateDirectory(Path.Combine(_files.Dir.Path, "sites", "a")).FullName;
            File.WriteAllText(Path.Combine(site, "access.log"), "GET /\n");
            await writer.WaitForAsync(4);
        }

        Assert.Equal(["GET /", "first", "new in old", "second"], writer.Records.Select(r => r.Message).Order(StringComparer.Ordinal));
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
        Assert.Equal(log, records[0].Source);
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

    public void Dispose() => _files.Dispose();

    private string Logs => _files.Logs;

    private FileInputOptions Options(string pattern) => _files.Options(pattern);
}
