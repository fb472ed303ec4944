using System.Net;
using System.Net.Sockets;
using Soc.Collector.Framing;

namespace Soc.Collector.Inputs.Syslog;

/// <summary>
/// Syslog over UDP (RFC 5426): one message per datagram, trailing newlines and NULs dropped. UDP cannot be slowed
/// down, so records are offered with <see cref="IRecordWriter.TryWrite"/> and losses while the queue is full are
/// counted in <see cref="SyslogInputStats.Dropped"/> instead of stalling the socket (which would lose more).
/// </summary>
public sealed class UdpSyslogInput(SyslogInputOptions options, string host, TimeProvider? timeProvider = null) : IInput
{
    // The largest UDP payload; a datagram is never larger, so one buffer always holds a whole message.
    private const int MaxDatagramBytes = 65_535;

    private readonly TaskCompletionSource<IPEndPoint> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => options.DisplayName;

    public SyslogInputStats Stats { get; } = new();

    /// <summary>Completes with the address actually listened on (the real port when port 0 was configured).</summary>
    public Task<IPEndPoint> Bound => _bound.Task;

    public async Task RunAsync(IRecordWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Socket socket;
        try
        {
            socket = SyslogSocket.Bind(options, SocketType.Dgram, ProtocolType.Udp);
        }
        catch (Exception e)
        {
            _bound.TrySetException(e);
            throw;
        }

        using var _ = socket;
        var local = (IPEndPoint)socket.LocalEndPoint!;
        var records = new SyslogRecordFactory(options, host, $"udp://{local}", Stats, timeProvider ?? TimeProvider.System);
        _bound.TrySetResult(local);

        var buffer = new byte[MaxDatagramBytes];
        EndPoint any = new IPEndPoint(local.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (SocketException)
            {
                // e.g. ICMP port unreachable reported for an earlier send; the socket stays usable.
                continue;
            }

            var payload = TrimTrailers(buffer.AsSpan(0, received.ReceivedBytes));
            if (payload.IsEmpty)
            {
                continue;
            }

            var status = FrameStatus.None;
            if (payload.Length > options.MaxMessageBytes)
            {
                payload = payload[..options.MaxMessageBytes];
                status = FrameStatus.Truncated;
            }

            if (!writer.TryWrite(records.Create(payload, status, SyslogRecordFactory.Peer(received.RemoteEndPoint))))
            {
                Stats.AddDropped();
            }
        }
    }

    private static ReadOnlySpan<byte> TrimTrailers(ReadOnlySpan<byte> datagram) => datagram.TrimEnd("\n\r\0"u8);
}
