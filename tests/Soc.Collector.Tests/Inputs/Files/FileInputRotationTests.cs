using Soc.Collector.Inputs;
using Soc.Collector.Inputs.Files;
using Soc.Collector.Records;
using Soc.Collector.Tests.Support;
using static Soc.Collector.Tests.Inputs.Files.FileScenario;

namespace Soc.Collector.Tests.Inputs.Files;

/// <summary>Rotation by rename and by copytruncate, truncation, and content replaced under a known inode: nothing lost, nothing twice.</summary>
public sealed class FileInputRotationTests : IDisposable
{
    private readonly FileScenario _files = new();

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
    public async Task CopytruncateWhileStoppedWithTheFileStillEmptyContinuesFromTheCopy()
    {
        var log = Path.Combine(Logs, "app.log");
        var writer = new InMemoryRecordWriter();
        Append(log, 0, 50);
        await using (var run = new RunningInput(new FileInput(Options("app.log*"), "h"), writer))
        {
            await writer.WaitForAsync(50);
        }

        // Rotated while the collector was down, and the daemon has not written since: app.log is empty, so the scan
        // passes it by; the copy must still be recognised as the continuation, not read again under a new identity.
        Append(log, 50, 60);
        File.Copy(log, log + ".1");
        File.WriteAllText(log, "");
        var input = new FileInput(Options("app.log*"), "h");
        await using (var run = new RunningInput(input, writer))
        {
            await writer.WaitForAsync(60);
            Append(log, 60, 80);
            await writer.WaitForAsync(80);
        }

        AssertExactlyOnce(writer.Records, 80);
        Assert.Equal(writer.Records[0].Id.Split(':')[0], writer.Records.Single(r => r.Message == "line 59").Id.Split(':')[0]);
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

    public void Dispose() => _files.Dispose();

    private string Logs => _files.Logs;

    private FileInputOptions Options(string pattern) => _files.Options(pattern);
}
