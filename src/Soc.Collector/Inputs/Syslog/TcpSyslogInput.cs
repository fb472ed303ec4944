using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Soc.Collector.Framing;

namespace Soc.Collector.Inputs.Syslog;

/// <summary>
/// Syslog over TCP (RFC 6587) or TLS (RFC 5425). Each connection gets its own <see cref="SyslogFramer"/>, so newline
/// and octet-counted senders can share a port. Records are written with back-pressure: while the queue is full the
/// connection is not read, and TCP flow control slows the sender down instead of losing messages.
/// </summary>
public sealed partial class TcpSyslogInput(SyslogInputOptions options, string host, TimeProvider? timeProvider = null) : IInput
{
    private const int ReadBufferBytes = 16 * 1024;
    private static readonly TimeSpan AcceptRetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly TaskCompletionSource<IPEndPoint> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => options.DisplayName;

    public SyslogInputStats Stats { get; } = new();

    /// <summary>Completes with the address actually listened on (the real port when port 0 was configured).</summary>
    public Task<IPEndPoint> Bound => _bound.Task;

    public async Task RunAsync(IRecordWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        TlsServerCredentials? tls;
        Socket listener;
        try
        {
            tls = options.Transport == SyslogTransport.Tls ? TlsServerCredentials.Load(options) : null;
            listener = SyslogSocket.Bind(options, SocketType.Stream, ProtocolType.Tcp);
            listener.Listen(512);
        }
        catch (Exception e)
        {
            // Whoever waits for the listener learns why it will not come (port in use, unreadable certificate).
            _bound.TrySetException(e);
            throw;
        }

        using var _ = listener;
        var local = (IPEndPoint)listener.LocalEndPoint!;
        var records = new SyslogRecordFactory(
            options,
            host,
            $"{(tls is null ? "tcp" : "tls")}://{local}",
            Stats,
            timeProvider ?? TimeProvider.System);
        _bound.TrySetResult(local);

        var connections = new HashSet<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (SocketException)
                {
                    // E.g. out of file descriptors, or a client that reset before accept: keep listening.
                    Stats.AddRejectedConnection();
                    await Task.Delay(AcceptRetryDelay, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                connections.RemoveWhere(static t => t.IsCompleted);
                if (connections.Count >= options.MaxConnections)
                {
                    Stats.AddRejectedConnection();
                    socket.Dispose();
                    continue;
                }

                Stats.AddConnection();
                connections.Add(ServeAsync(socket, tls, records, writer, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            _bound.TrySetCanceled(CancellationToken.None);
        }

        await Task.WhenAll(connections).ConfigureAwait(false);
    }

    private async Task ServeAsync(Socket socket, TlsServerCredentials? tls, SyslogRecordFactory records, IRecordWriter writer, CancellationToken cancellationToken)
    {
        // Leave the accept loop at once; the handshake and reads run on the pool.
        await Task.Yield();
        var peer = SyslogRecordFactory.Peer(socket.RemoteEndPoint);
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferBytes);
        try
        {
            if (tls is not null)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                if (!await HandshakeAsync(ssl, tls, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }

            using var framer = new SyslogFramer(options.MaxMessageBytes, options.Framing);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(0, ReadBufferBytes), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    var offset = 0;
                    while (NextRecord(framer, records, buffer.AsSpan(offset, read - offset), peer, out var used) is { } record)
                    {
                        offset += used;
                        await writer.WriteAsync(record, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (IOException)
            {
                // The peer reset the connection: ship what it had sent, as at a normal end of stream.
            }

            if (framer.TryFlush(out var last))
            {
                await writer.WriteAsync(records.Create(last.Payload, last.Status, peer), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down; an unfinished frame is lost with the connection, as the sender has not completed it.
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The connection broke while flushing; nothing more to read from it.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<bool> HandshakeAsync(SslStream ssl, TlsServerCredentials tls, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TlsHandshakeTimeoutSeconds));
        try
        {
            await ssl.AuthenticateAsServerAsync(tls.CreateOptions(), timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is AuthenticationException or IOException or SocketException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Stats.AddHandshakeFailure();
            return false;
        }
    }

    // Cuts the next frame from the bytes read; null when they hold no complete frame (the framer keeps the rest).
    private static Records.CollectorRecord? NextRecord(SyslogFramer framer, SyslogRecordFactory records, ReadOnlySpan<byte> input, string? peer, out int used)
    {
        if (framer.TryReadFrame(input, out used, out var frame))
        {
            return records.Create(frame.Payload, frame.Status, peer);
        }

        return null;
    }
}
