using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Soc.Console.Storage.Sqlite;

/// <summary>
/// Keeps the SQLite full-text index about a second behind the ingest commits (see SqliteStore.TextIndex.cs):
/// one bulk insert per round instead of a trigger on every event inside the writer's transaction.
/// </summary>
public sealed class SqliteTextIndexer(SqliteStore store, ILogger<SqliteTextIndexer> logger) : BackgroundService
{
    private const int Chunk = 50_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                // Looked at without the write lock first: an idle center takes no write transactions, and
                // the indexer never queues in front of ingest for nothing.
                if (store.TextIndexBacklog() == 0)
                {
                    continue;
                }

                // A large backlog (after a burst, or an old database) goes in chunks, so the write lock is
                // never held for long and ingest commits interleave.
                while (await store.IndexTextBacklogAsync(Chunk, stoppingToken).ConfigureAwait(false) == Chunk)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException)
            {
                // Searches catch the index up themselves, so a failed round delays nothing; say so and retry.
                logger.LogWarning(ex, "full-text indexing round failed; retrying in a second");
            }
        }
    }
}
