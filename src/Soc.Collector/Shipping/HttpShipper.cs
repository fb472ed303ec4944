using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Soc.Collector.Configuration;
using Soc.Collector.Records;

namespace Soc.Collector.Shipping;

/// <summary>
/// Ships batches of records as gzip JSON lines to the center's ingest API, retrying a failed batch with
/// exponential backoff until the center answers that it stored it.
/// </summary>
public sealed class HttpShipper(CenterOptions options, ChannelReader<CollectorRecord> input, HttpClient http)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var batch = new List<CollectorRecord>(options.MaxBatchRecords);
        while (await input.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Give a burst a moment to fill the batch, so a busy source is not shipped line by line.
            await Task.Delay(options.FlushIntervalMilliseconds, cancellationToken).ConfigureAwait(false);
            while (batch.Count < options.MaxBatchRecords && input.TryRead(out var record))
            {
                batch.Add(record);
            }

            await SendWithRetryAsync(batch, cancellationToken).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task SendWithRetryAsync(List<CollectorRecord> batch, CancellationToken cancellationToken)
    {
        var body = Encode(batch);
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                content.Headers.ContentEncoding.Add("gzip");
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.Url), "/api/v1/ingest")) { Content = content };
                request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", options.ApiKey);
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                Console.Error.WriteLine($"center answered {(int)response.StatusCode}; retrying in {delay.TotalSeconds:0.#} s");
            }
            catch (HttpRequestException ex)
            {
                Console.Error.WriteLine($"center unreachable ({ex.Message}); retrying in {delay.TotalSeconds:0.#} s");
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
    }

    private static byte[] Encode(List<CollectorRecord> batch)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            foreach (var record in batch)
            {
                JsonSerializer.Serialize(gzip, record);
                gzip.WriteByte((byte)'\n');
            }
        }

        return buffer.ToArray();
    }
}
