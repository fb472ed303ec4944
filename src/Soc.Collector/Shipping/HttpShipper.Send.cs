using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Soc.Collector.Buffering;
using Soc.Collector.Telemetry;

namespace Soc.Collector.Shipping;

/// <summary>One batch against the ingest contract (docs/specs/wire.md): what each answer means for the batch.</summary>
public sealed partial class HttpShipper
{
    private enum Outcome
    {
        Stored,
        TooLarge,
        Malformed,
        Retry,
        RetryNextEndpoint,
    }

    /// <summary>Returns once the records are stored at the center or dead-lettered; retries everything else.</summary>
    private async Task SendRangeAsync(DiskQueueBatch batch, int start, int count, CancellationToken cancellationToken)
    {
        var body = BatchEncoder.Encode(batch.Payloads, start, count, _body);
        var failedEndpoints = 0;
        while (true)
        {
            var (outcome, retryAfter, detail) = await PostAsync(body, count, cancellationToken).ConfigureAwait(false);
            switch (outcome)
            {
                case Outcome.Stored:
                    _backoff.Reset();
                    return;
                case Outcome.Malformed:
                    deadLetters.Write(batch.Payloads, start, count, batch.FirstSequence + start, detail);
                    counters.AddDeadLettered(count);
                    return;
                case Outcome.TooLarge when count == 1:
                    deadLetters.Write(batch.Payloads, start, count, batch.FirstSequence + start, "413: a single record is larger than the center accepts");
                    counters.AddDeadLetteredTooLarge(count);
                    return;
                case Outcome.TooLarge:
                    // Halves until the center accepts; the smaller bodies go out before the next batch is read.
                    var half = count / 2;
                    await SendRangeAsync(batch, start, half, cancellationToken).ConfigureAwait(false);
                    await SendRangeAsync(batch, start + half, count - half, cancellationToken).ConfigureAwait(false);
                    return;
                case Outcome.RetryNextEndpoint:
                    _endpoint = (_endpoint + 1) % options.Urls.Count;
                    if (++failedEndpoints < options.Urls.Count)
                    {
                        continue; // try the next center node at once; back off only when all have failed
                    }

                    break;
                case Outcome.Retry:
                    break;
            }

            failedEndpoints = 0;
            counters.AddRetry();
            var delay = retryAfter ?? _backoff.Next();
            _failureLog.Warning($"shipping {count} records failed: {detail}; retrying in {delay.TotalSeconds:0.#} s (queue depth {queue.Depth})");
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(Outcome Outcome, TimeSpan? RetryAfter, string Detail)> PostAsync(ReadOnlyMemory<byte> body, int count, CancellationToken cancellationToken)
    {
        var url = new Uri(options.Urls[_endpoint], "api/v1/ingest");
        using var content = new ThrottledContent(body, _bandwidth);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        content.Headers.ContentEncoding.Add("gzip");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", options.ApiKey);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            counters.AddBytesSent(body.Length);
            var status = (int)response.StatusCode;
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Accepted:
                    var duplicates = await ReadDuplicatesAsync(response, cancellationToken).ConfigureAwait(false);
                    counters.AddAcknowledged(count, duplicates, time.GetUtcNow());
                    return (Outcome.Stored, null, "");
                case HttpStatusCode.BadRequest:
                    var reason = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    return (Outcome.Malformed, null, $"400 from {url}: {Truncate(reason)}");
                case HttpStatusCode.RequestEntityTooLarge:
                    return (Outcome.TooLarge, null, $"413 from {url}");
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    CollectorLog.Error($"center {url} refused the API key ({status}): check center.apiKey in the config; retrying with backoff");
                    return (Outcome.Retry, null, $"{status} API key refused");
                case HttpStatusCode.TooManyRequests:
                    return (Outcome.Retry, RetryAfter(response), $"429 from {url} (center busy)");
                case >= HttpStatusCode.InternalServerError:
                    return (Outcome.RetryNextEndpoint, RetryAfter(response), $"{status} from {url}");
                default:
                    return (Outcome.Retry, null, $"unexpected {status} from {url}");
            }
        }
        catch (HttpRequestException ex)
        {
            return (Outcome.RetryNextEndpoint, null, $"{url} unreachable: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (Outcome.RetryNextEndpoint, null, $"{url} timed out after {http.Timeout.TotalSeconds:0} s");
        }
        catch (IOException ex)
        {
            return (Outcome.RetryNextEndpoint, null, $"{url} connection lost: {ex.Message}");
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        if (delay is not { } value)
        {
            return null;
        }

        // A center asking for hours is probably misconfigured; never wait longer than our own backoff ceiling.
        return TimeSpan.FromTicks(Math.Clamp(value.Ticks, 0, TimeSpan.FromSeconds(options.MaxBackoffSeconds).Ticks));
    }

    private static async Task<long> ReadDuplicatesAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("duplicates", out var duplicates) && duplicates.TryGetInt64(out var value) ? value : 0;
        }
        catch (JsonException)
        {
            return 0; // the 200 is what counts; the counts are for metrics only
        }
    }

    private static string Truncate(string text) =>
        text.Length <= 300 ? text : string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, 300)}...");
}
