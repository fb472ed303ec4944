using System.Net;
using Soc.Console.Tests.Support;

namespace Soc.Console.Tests.Ingest;

/// <summary>Ingest limits and the operator's view: 413 over a size, 429 + Retry-After over the rate, /metrics and /healthz.</summary>
public sealed class IngestLimitsTests
{
    [Fact]
    public async Task AnswersAnOversizedRecordWith413AndStoresNothing()
    {
        await using var center = await CenterFixture.StartAsync(null, "--Soc:Ingest:MaxRecordBytes=300");
        var key = center.Store.AddAgency("a", "A", null);
        using var client = center.Client();

        using var response = await client.SendAsync(IngestBatch.Request(key, IngestBatch.Record("small", "ok"), IngestBatch.Record("big", new string('x', 400))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("line 2", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, center.Store.CountEvents());
    }

    [Fact]
    public async Task AnswersABatchWithTooManyRecordsWith413()
    {
        await using var center = await CenterFixture.StartAsync(null, "--Soc:Ingest:MaxRecordsPerBatch=2");
        var key = center.Store.AddAgency("a", "A", null);
        using var client = center.Client();

        using var response = await client.SendAsync(IngestBatch.Request(key, IngestBatch.Record("1", "a"), IngestBatch.Record("2", "b"), IngestBatch.Record("3", "c")));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AnswersAnAgencyOverItsRateWith429AndRetryAfterWhileOthersGoOn()
    {
        await using var center = await CenterFixture.StartAsync(null, "--Soc:Ingest:RecordsPerSecondPerAgency=1", "--Soc:Ingest:BurstRecordsPerAgency=2");
        var busy = center.Store.AddAgency("busy", "Busy", null);
        var quiet = center.Store.AddAgency("quiet", "Quiet", null);
        using var client = center.Client();

        using var first = await client.SendAsync(IngestBatch.Request(busy, IngestBatch.Record("1", "a"), IngestBatch.Record("2", "b")));
        using var second = await client.SendAsync(IngestBatch.Request(busy, IngestBatch.Record("3", "c"), IngestBatch.Record("4", "d")));
        using var other = await client.SendAsync(IngestBatch.Request(quiet, IngestBatch.Record("5", "e")));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(second.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(3, center.Store.CountEvents());
    }

    [Fact]
    public async Task PublishesStageCountersAndStorageHealth()
    {
        await using var center = await CenterFixture.StartAsync();
        var key = center.Store.AddAgency("a", "A", null);
        using var client = center.Client();
        (await client.SendAsync(IngestBatch.Request(key, IngestBatch.Record("m1", "hello"), IngestBatch.Record("m2", "\u0001 junk")))).Dispose();

        var metrics = await client.GetStringAsync("/metrics");
        var health = await client.GetStringAsync("/healthz");

        Assert.Contains("soc_ingest_records_total 2", metrics, StringComparison.Ordinal);
        Assert.Contains("soc_store_events_total 2", metrics, StringComparison.Ordinal);
        Assert.Contains("soc_detect_events_total 2", metrics, StringComparison.Ordinal);
        Assert.Contains("soc_pipeline_queue_batches{stage=\"store\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"sqlite\"", health, StringComparison.Ordinal);
        Assert.Contains("\"healthy\":true", health, StringComparison.Ordinal);
    }
}
