using Microsoft.Data.Sqlite;

namespace Soc.Console.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>The WAL may grow to this before the writer checkpoints it itself, under the write lock (bounded disk use).</summary>
    internal long WalLimitBytes { get; set; } = 128L * 1024 * 1024;

    private int _checkpointRunning;
    private Task _checkpoint = Task.CompletedTask;

    /// <summary>
    /// Copies committed WAL frames into the database file on its own connection and thread, so the single
    /// writer (whose connection has wal_autocheckpoint=0) goes on to its next group commit instead of doing
    /// this copy itself after every commit: +21 % events/s for the store alone (bench/RESULTS.md). Readers and
    /// the writer are not blocked (a PASSIVE checkpoint). One at a time; a commit during one starts none.
    /// </summary>
    private void StartCheckpoint()
    {
        if (Interlocked.Exchange(ref _checkpointRunning, 1) == 1)
        {
            return;
        }

        _checkpoint = Task.Run(() =>
        {
            try
            {
                using var c = Open();
                using var checkpoint = Command(c, null, "PRAGMA wal_checkpoint(PASSIVE)");
                checkpoint.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // Busy or failing: the next commit starts another, and the writer's own bounded checkpoint
                // below keeps the WAL from growing without end.
            }
            finally
            {
                Volatile.Write(ref _checkpointRunning, 0);
            }
        });
    }

    // Called by the writer after a commit, under the write lock. A PASSIVE checkpoint cannot reset a WAL that
    // the writer keeps appending to; past the limit the writer restarts it itself, waiting for readers.
    // RESTART, not TRUNCATE: the next commits write over the file's first blocks, where a file truncated to
    // nothing had new blocks allocated and zeroed by the kernel for every page it took again (8 % of the
    // center's CPU, bench/RESULTS.md). The writer's journal_size_limit (OpenWriter) cuts the file back to the
    // limit at the first commit after a restart, so a file longer than the limit means that much WAL since.
    private void BoundWal(SqliteConnection writer)
    {
        var wal = new FileInfo(DatabasePath + "-wal");
        if (wal.Exists && wal.Length > WalLimitBytes)
        {
            try
            {
                using var checkpoint = Command(writer, null, "PRAGMA wal_checkpoint(RESTART)");
                checkpoint.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // A reader held on past the busy timeout: the commit before this stands (its batches must be
                // acknowledged), and the next commit tries again.
            }
        }
        else
        {
            StartCheckpoint();
        }
    }

    private void WaitForCheckpoint()
    {
        try
        {
            _checkpoint.Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // Nothing to hand back on dispose; the WAL is checkpointed on the next open.
        }
    }
}
