using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Hosting;

/// <summary>
/// Deletes each agency's events older than its retention (1, 3, 6 or 12 months, set by the security
/// level of its systems). Runs at start and then hourly; alerts, incidents and the audit trail are kept.
/// </summary>
public sealed class RetentionWorker(SqliteStore accounts, ISocStore store, TimeProvider time, ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            foreach (var agency in accounts.ListAgencies())
            {
                var cutoff = time.GetUtcNow().AddMonths(-agency.RetentionMonths);
                try
                {
                    var purged = await store.PurgeEventsAsync(agency.Id, cutoff, stoppingToken).ConfigureAwait(false);
                    if (purged > 0 && logger.IsEnabled(LogLevel.Information))
                    {
                        logger.LogInformation("Retention: deleted {Count} events of {Agency} older than {Cutoff:u}", purged, agency.Id, cutoff);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Retention for {Agency} failed; trying again next hour", agency.Id);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
