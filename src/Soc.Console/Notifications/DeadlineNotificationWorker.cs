using System.Globalization;
using Soc.Console.Exports.Deadlines;
using Soc.Console.Incidents;
using Soc.Console.Storage;
using Soc.Console.Storage.Sqlite;

namespace Soc.Console.Notifications;

/// <summary>
/// Every <c>ScanIntervalSeconds</c>, checks the open incidents against their deadlines and tells each
/// channel once per (incident, deadline, state) when one becomes near or overdue. A delivery is
/// remembered in the SQLite file (so a restart sends nothing twice) and written to the audit trail as
/// <c>notification.sent</c> by <c>system</c>; a failed send is counted and tried again on the next scan.
/// </summary>
public sealed class DeadlineNotificationWorker(
    ISocStore store,
    SqliteStore sent,
    IncidentDeadlines deadlines,
    IEnumerable<INotificationChannel> channels,
    NotificationOptions options,
    NotificationMetrics metrics,
    TimeProvider time,
    ILogger<DeadlineNotificationWorker> logger) : BackgroundService
{
    private const int PageSize = 500;
    private static readonly string[] OpenStatuses = [IncidentStatuses.New, IncidentStatuses.Acknowledged, IncidentStatuses.InProgress];

    private readonly IReadOnlyList<INotificationChannel> _channels = [.. channels];

    /// <summary>One pass over the open incidents; returns how many notices were delivered.</summary>
    public async Task<int> ScanOnceAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        var now = time.GetUtcNow();
        var minimumRank = Severities.Rank(options.MinimumSeverity);
        foreach (var status in OpenStatuses)
        {
            for (var offset = 0; ; offset += PageSize)
            {
                var page = await store.ListIncidentsAsync(new IncidentFilter(null, status, Sort: "first_seen", Limit: PageSize, Offset: offset), cancellationToken).ConfigureAwait(false);
                var milestones = deadlines.MilestonesOf(page); // forms issued and reports marked sent: one query per page
                foreach (var incident in page)
                {
                    if (Severities.Rank(incident.Severity) < minimumRank)
                    {
                        continue;
                    }

                    foreach (var deadline in deadlines.For(incident, milestones.GetValueOrDefault(incident.Id) ?? IncidentMilestones.None, now))
                    {
                        if (deadline.State is DeadlineState.Near or DeadlineState.Overdue)
                        {
                            delivered += await NotifyAsync(incident, deadline, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }

                if (page.Count < PageSize)
                {
                    break;
                }
            }
        }

        return delivered;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.ScanIntervalSeconds), time);
        do
        {
            try
            {
                await ScanOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Deadline scan failed; trying again in {Seconds} s", options.ScanIntervalSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task<int> NotifyAsync(Incident incident, DeadlineStatus deadline, CancellationToken cancellationToken)
    {
        var key = deadline.RuleSetId + "/" + deadline.RuleId;
        var state = DeadlineStateCode.Of(deadline.State);
        var delivered = 0;
        DeadlineNotice? notice = null;
        foreach (var channel in _channels)
        {
            if (sent.NotificationSent(incident.Id, key, state, channel.Name))
            {
                continue;
            }

            notice ??= Notice(incident, deadline, key, state);
            try
            {
                await channel.SendAsync(notice, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                metrics.Failed(channel.Name);
                logger.LogWarning(ex, "Notification of incident {Incident} {Deadline} {State} by {Channel} failed; trying again on the next scan", incident.Id, key, state, channel.Name);
                continue;
            }

            var at = time.GetUtcNow();
            await sent.RecordNotificationAsync(incident.Id, key, state, channel.Name, at, cancellationToken).ConfigureAwait(false);
            await store.AppendAuditAsync(
                new AuditRecord("system", "notification.sent", "incident:" + incident.Id.ToString(CultureInfo.InvariantCulture), $"{channel.Name}, {key}, {state}", at),
                cancellationToken).ConfigureAwait(false);
            metrics.Sent(channel.Name);
            delivered++;
        }

        return delivered;
    }

    private DeadlineNotice Notice(Incident incident, DeadlineStatus deadline, string key, string state) => new(
        incident.Id,
        incident.AgencyId,
        incident.Title,
        incident.Severity,
        key,
        deadline.Label,
        deadline.LegalSource,
        deadline.DueAt!.Value,
        state,
        new Uri(new Uri(options.ConsoleUrl), "incidents/" + incident.Id.ToString(CultureInfo.InvariantCulture)).ToString());
}
