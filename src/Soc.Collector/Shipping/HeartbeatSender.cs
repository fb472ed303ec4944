using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using Soc.Collector.Buffering;
using Soc.Collector.Configuration;
using Soc.Collector.Telemetry;

namespace Soc.Collector.Shipping;

/// <summary>
/// Every <see cref="CenterOptions.HeartbeatIntervalSeconds"/> posts the collector's counters to the
/// center's <c>POST /api/v1/collectors/heartbeat</c> (docs/specs/wire.md, "Heartbeat") with the agency's
/// key. It runs beside the shipper and shares only the HttpClient: it never reads or acknowledges the
/// queue, has its own short timeout, and a failed heartbeat is logged (rate-limited) and forgotten — the
/// next one carries the same counters, since they are totals since start.
/// </summary>
public sealed class HeartbeatSender(CollectorOptions options, HttpClient http, CollectorMetrics metrics, DiskQueue queue, TimeProvider time)
{
    private static readonly string Version =
        typeof(HeartbeatSender).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private readonly DateTimeOffset _startedAt = time.GetUtcNow();
    private readonly RateLimitedLog _failureLog = new(TimeSpan.FromMinutes(10), time);
    private int _endpoint;
    private long _sent;
    private long _failed;

    /// <summary>Heartbeats the center answered with a 2xx.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Heartbeats that failed (no answer, timeout, or not 2xx); each is forgotten.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Returns when cancelled (at once when the heartbeat is off); never throws: a heartbeat problem must not stop the collector.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var center = options.Center;
        if (center.HeartbeatIntervalSeconds <= 0 || center.Urls.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(center.HeartbeatIntervalSeconds), time);
        try
        {
            do
            {
                await SendOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One heartbeat to the current center URL, moving to the next URL after a failure.</summary>
    public async Task<bool> SendOnceAsync(CancellationToken cancellationToken)
    {
        var center = options.Center;
        var url = new Uri(center.Urls[_endpoint % center.Urls.Count], "api/v1/collectors/heartbeat");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Clamp(center.HeartbeatIntervalSeconds / 2, 2, 30)));
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Body(time.GetUtcNow())) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", center.ApiKey);
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _sent);
                return true;
            }

            _failureLog.Warning($"heartbeat to {url} answered {(int)response.StatusCode}; shipping is not affected");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever goes wrong with a heartbeat (DNS, TLS, timeout, a bug) must not reach the shipper.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _failureLog.Warning($"heartbeat to {url} failed: {ex.Message}; shipping is not affected");
        }

        Interlocked.Increment(ref _failed);
        _endpoint++;
        return false;
    }

    /// <summary>The JSON object of docs/specs/wire.md: counters since this process started.</summary>
    public byte[] Body(DateTimeOffset now)
    {
        long read = 0, queueFull = 0, truncated = 0;
        foreach (var input in metrics.Inputs)
        {
            read += input.Records;
            queueFull += input.Dropped;
            truncated += input.Truncated;
        }

        var shipping = metrics.Shipping;
        var depth = queue.Depth;
        // The queue does not keep record times; the age of the oldest unsent record is bounded by the time
        // since the queue last moved (the last acknowledged batch, or the start), which is what is sent.
        var moved = Math.Max(shipping.LastSuccessUnixMilliseconds, _startedAt.ToUnixTimeMilliseconds());
        var oldest = depth == 0 ? 0 : Math.Max(0, (now.ToUnixTimeMilliseconds() - moved) / 1000);
        using var buffer = new MemoryStream(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("collector", options.Id);
            json.WriteString("host", options.Host);
            json.WriteString("version", Version);
            json.WriteString("startedAt", _startedAt.UtcDateTime);
            json.WriteString("sentAt", now.UtcDateTime);
            json.WriteNumber("intervalSeconds", options.Center.HeartbeatIntervalSeconds);
            json.WriteNumber("recordsRead", read);
            json.WriteNumber("recordsShipped", shipping.RecordsAcknowledged);
            json.WriteStartObject("dropped");
            json.WriteNumber("tooLarge", shipping.DeadLetteredTooLarge);
            json.WriteNumber("queueFull", queueFull);
            json.WriteNumber("malformed", shipping.DeadLetteredRecords - shipping.DeadLetteredTooLarge);
            json.WriteEndObject();
            json.WriteNumber("truncated", truncated);
            json.WriteStartObject("queue");
            json.WriteNumber("depth", depth);
            json.WriteNumber("oldestUnsentSeconds", oldest);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
