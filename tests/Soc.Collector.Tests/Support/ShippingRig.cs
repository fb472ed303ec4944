using Soc.Collector.Buffering;
using Soc.Collector.Configuration;
using Soc.Collector.Shipping;
using Soc.Collector.Telemetry;

namespace Soc.Collector.Tests.Support;

/// <summary>A real disk queue in a temp folder and a running <see cref="HttpShipper"/> pointed at given URLs.</summary>
public sealed class ShippingRig : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http;
    private readonly Task _shipping;
    private readonly HttpShipper _shipper;

    public ShippingRig(IEnumerable<Uri> urls, Action<CenterOptions>? configure = null, QueueOptions? queue = null)
    {
        Center = new CenterOptions { ApiKey = IngestSink.ApiKey, FlushIntervalMilliseconds = 20, MinBackoffMilliseconds = 20, MaxBackoffSeconds = 1, ConnectTimeoutSeconds = 2, RequestTimeoutSeconds = 10 };
        Center.Urls.AddRange(urls);
        configure?.Invoke(Center);
        Queue = DiskQueue.Open(_dir.Combine("queue"), queue ?? new QueueOptions { SegmentBytes = 256 * 1024, FsyncIntervalMilliseconds = 50 }, "rig");
        _http = CenterHttpClientFactory.Create(Center);
        var shipper = _shipper = new HttpShipper(Queue, Center, _http, new DeadLetterWriter(DeadLetterDirectory, TimeProvider.System), Counters, TimeProvider.System, new Random(7));
        _shipping = Task.Run(() => shipper.RunAsync(_stop.Token));
    }

    public CenterOptions Center { get; }

    public DiskQueue Queue { get; }

    public ShippingCounters Counters { get; } = new();

    public string DeadLetterDirectory => _dir.Combine("dead-letter");

    public async Task WriteLinesAsync(int from, int count, string prefix = "line")
    {
        for (var i = from; i < from + count; i++)
        {
            await Queue.WriteAsync(TestRecords.Line($"{prefix} {i}"), CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _shipping;
        _shipper.Dispose();
        Queue.Dispose();
        _http.Dispose();
        _stop.Dispose();
        _dir.Dispose();
    }
}
