using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Soc.Collector.Buffering;

namespace Soc.Collector.Telemetry;

/// <summary>
/// GET /metrics (Prometheus text) and GET /healthz on a local port. A few lines over TcpListener instead of an
/// HTTP server stack: one request per connection, no keep-alive, bodies only outward.
/// </summary>
public sealed class MetricsServer(IPEndPoint endpoint, DiskQueue queue, CollectorMetrics metrics, TimeProvider time)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var listener = new TcpListener(endpoint);
        listener.Start();
        CollectorLog.Info($"metrics on http://{endpoint}/metrics, health on http://{endpoint}/healthz");
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = AnswerAsync(client, cancellationToken);
        }
    }

    private async Task AnswerAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                var stream = client.GetStream();
                var path = await ReadRequestPathAsync(stream, timeout.Token).ConfigureAwait(false);
                var (status, type, body) = path switch
                {
                    "/metrics" => ("200 OK", "text/plain; version=0.0.4", PrometheusText.Render(metrics, queue, time.GetUtcNow())),
                    "/healthz" => Health(),
                    _ => ("404 Not Found", "text/plain", "try /metrics or /healthz\n"),
                };
                var bytes = Encoding.UTF8.GetBytes(body);
                var head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
                    $"HTTP/1.1 {status}\r\nContent-Type: {type}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n"));
                await stream.WriteAsync(head, timeout.Token).ConfigureAwait(false);
                await stream.WriteAsync(bytes, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
            {
                // A scraper that hangs up or stalls costs us nothing more.
            }
        }
    }

    private (string Status, string Type, string Body) Health()
    {
        // Unhealthy only when the queue is (nearly) full: then records are being held back or dropped.
        var last = metrics.Shipping.LastSuccessUnixMilliseconds;
        var full = queue.IsNearlyFull;
        var body = string.Create(CultureInfo.InvariantCulture,
            $"{{\"status\":\"{(full ? "queue_full" : "ok")}\",\"queueDepth\":{queue.Depth},\"queueBytes\":{queue.DiskBytes},\"lastShipmentUnixMs\":{last}}}\n");
        return (full ? "503 Service Unavailable" : "200 OK", "application/json", body);
    }

    private static async Task<string> ReadRequestPathAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
            if (buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8) >= 0)
            {
                break;
            }
        }

        // "GET /path HTTP/1.1"
        var line = Encoding.ASCII.GetString(buffer, 0, filled).Split("\r\n", 2)[0].Split(' ');
        return line.Length >= 2 && line[0] == "GET" ? line[1].Split('?')[0] : "";
    }
}
