using System.Net;
using Microsoft.Data.Sqlite;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Ingest;

/// <summary>When storage stalls, the bounded pipeline fills and ingest answers 503 + Retry-After instead of queueing without bound.</summary>
public sealed class BackPressureTests
{
    [Fact]
    public async Task AnswersBusyWhenThePipelineIsFullAndStoresEverythingItAcknowledged()
    {
        await using var center = await CenterFixture.StartAsync(null, "--Soc:Pipeline:QueueBatches=1", "--Soc:Pipeline:EnqueueWaitMilliseconds=50");
        var key = center.Store.AddAgency("a", "A", null);
        using var client = center.Client();

        // Another writer holds SQLite's write lock: the store stage waits, and the queues behind it fill.
        var blocker = new SqliteConnection($"Data Source={center.Store.DatabasePath};Pooling=False");
        blocker.Open();
        using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
        }

        var sends = new List<Task<HttpResponseMessage>>();
        for (var i = 0; i < 12; i++)
        {
            sends.Add(client.SendAsync(IngestBatch.Request(key, IngestBatch.Record("bp-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "line " + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
            await Task.Delay(30);
        }

        // While the store is still stalled, some senders must be told to come back later. On a busy machine
        // the answers can take a while to arrive, so wait for them (bounded) before the stall ends.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!sends.Any(t => t.IsCompletedSuccessfully && t.Result.StatusCode == HttpStatusCode.ServiceUnavailable) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        var busy = await Task.WhenAll(sends.Where(t => t.IsCompleted));
        blocker.Dispose();
        var all = await Task.WhenAll(sends);

        Assert.Contains(busy, r => r.StatusCode == HttpStatusCode.ServiceUnavailable && r.Headers.RetryAfter?.Delta == TimeSpan.FromSeconds(1));
        Assert.All(all, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, r.StatusCode.ToString()));
        Assert.Equal(all.Count(r => r.StatusCode == HttpStatusCode.OK), center.Store.CountEvents());
        Assert.True(center.Store.CountEvents() > 0);
        foreach (var r in all)
        {
            r.Dispose();
        }
    }
}
