using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Soc.Collector.Configuration;
using Soc.Collector.Records;

namespace Soc.Collector.Inputs.Syslog;

/// <summary>Syslog over TCP with newline framing; one record per line, the sender's address recorded.</summary>
public sealed class TcpSyslogInput(InputOptions options, CollectorOptions collector, ChannelWriter<CollectorRecord> output)
{
    private long _sequence;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var endpoint = IPEndPoint.Parse(options.Listen);
        using var listener = new TcpListener(endpoint);
        listener.Start();
        Console.Error.WriteLine($"listening for syslog on tcp://{endpoint}");
        var connections = new List<Task>();
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            connections.Add(ReadConnectionAsync(client, cancellationToken));
            connections.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(connections).ConfigureAwait(false);
    }

    private async Task ReadConnectionAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        {
            var peer = (client.Client.RemoteEndPoint as IPEndPoint)?.Address.ToString();
            using var reader = new StreamReader(client.GetStream(), Encoding.UTF8);
            try
            {
                while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
                {
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    var seq = Interlocked.Increment(ref _sequence);
                    var record = new CollectorRecord(
                        $"{collector.Id}:tcp:{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}:{seq}",
                        options.SourceType,
                        collector.Host,
                        "tcp://" + options.Listen,
                        DateTimeOffset.UtcNow,
                        options.TimeZone,
                        line,
                        peer);
                    await output.WriteAsync(record, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // shutting down
            }
            catch (IOException)
            {
                // the peer went away; what was read is already queued
            }
        }
    }
}
