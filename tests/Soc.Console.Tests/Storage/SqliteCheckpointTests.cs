using System.Globalization;
using Soc.Console.Incidents;
using Soc.Console.Storage;
using Soc.Console.Tests.Support;
using static Soc.Console.Tests.Support.Events;

namespace Soc.Console.Tests.Storage;

/// <summary>
/// The writer does not checkpoint after its commits; checkpoints run beside it. The WAL must still stay
/// bounded while commits never pause, and everything committed must be in the database file after a restart.
/// </summary>
public sealed class SqliteCheckpointTests
{
    [Fact]
    public async Task BackToBackCommitsKeepTheWalBoundedAndEveryEventSurvivesReopening()
    {
        using var database = new TempDatabase();
        await Fill(database.Path);
    }

    private static async Task Fill(string path)
    {
        const long limit = 256 * 1024;
        long largestWal = 0;
        var overLimit = 0;
        var emptied = 0;
        using (var store = new Soc.Console.Storage.Sqlite.SqliteStore(path) { WalLimitBytes = limit })
        {
            for (var group = 0; group < 40; group++)
            {
                var events = Enumerable.Range(0, 50)
                    .Select(i => Event($"g{group}-{i}", "Failed password for root from 203.0.113." + i.ToString(CultureInfo.InvariantCulture) + " " + new string('x', 400)))
                    .ToArray();
                await store.AppendAsync([Batch("a", events)], new IncidentPolicy(), CancellationToken.None);
                var wal = new FileInfo(path + "-wal").Length;
                largestWal = Math.Max(largestWal, wal);
                overLimit += wal > limit ? 1 : 0;
                emptied += wal == 0 ? 1 : 0;
            }
        }

        // One group commit adds well under 512 KiB to a WAL at the limit; without the writer's bound the
        // WAL grows past 4 MiB here, since back-to-back commits leave a PASSIVE checkpoint no moment to reset it.
        Assert.InRange(largestWal, 1, 768 * 1024);
        // The WAL is restarted, not truncated: its file is written over from the start (no new blocks to
        // allocate and zero), and cut back to the limit after a restart, so it passes the limit only now and
        // then (every commit would restart it, in the writer, if the file kept its largest size).
        Assert.Equal(0, emptied);
        Assert.InRange(overLimit, 1, 40 / 2);
        Assert.True(new FileInfo(path).Length > 512 * 1024, "checkpoints should have copied the rows into the database file");

        using var reopened = new Soc.Console.Storage.Sqlite.SqliteStore(path);
        Assert.Equal(2_000, await reopened.CountEventsAsync(new EventQuery(null, null, null, null), CancellationToken.None));
    }
}
