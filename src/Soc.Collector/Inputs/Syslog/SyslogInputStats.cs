namespace Soc.Collector.Inputs.Syslog;

/// <summary>
/// Counters of one syslog listener, for the metrics endpoint. Updated with <see cref="Interlocked"/> on the hot
/// path; readers see values that are each exact but not a consistent snapshot.
/// </summary>
public sealed class SyslogInputStats
{
    private long _messages;
    private long _truncated;
    private long _malformed;
    private long _dropped;
    private long _connections;
    private long _rejectedConnections;
    private long _handshakeFailures;

    /// <summary>Messages received (UDP: including those the full queue refused, see <see cref="Dropped"/>).</summary>
    public long Messages => Volatile.Read(ref _messages);

    /// <summary>Messages cut at the maximum size (still delivered, marked).</summary>
    public long Truncated => Volatile.Read(ref _truncated);

    /// <summary>Frames that did not follow the connection's framing, or ended with the connection (still delivered).</summary>
    public long Malformed => Volatile.Read(ref _malformed);

    /// <summary>UDP messages lost because the queue was full.</summary>
    public long Dropped => Volatile.Read(ref _dropped);

    /// <summary>TCP/TLS connections accepted.</summary>
    public long Connections => Volatile.Read(ref _connections);

    /// <summary>TCP/TLS connections closed at once because the limit was reached.</summary>
    public long RejectedConnections => Volatile.Read(ref _rejectedConnections);

    /// <summary>TLS handshakes that failed or timed out (bad client certificate, plain TCP on the TLS port, ...).</summary>
    public long HandshakeFailures => Volatile.Read(ref _handshakeFailures);

    internal void AddMessage() => Interlocked.Increment(ref _messages);

    internal void AddTruncated() => Interlocked.Increment(ref _truncated);

    internal void AddMalformed() => Interlocked.Increment(ref _malformed);

    internal void AddDropped() => Interlocked.Increment(ref _dropped);

    internal void AddConnection() => Interlocked.Increment(ref _connections);

    internal void AddRejectedConnection() => Interlocked.Increment(ref _rejectedConnections);

    internal void AddHandshakeFailure() => Interlocked.Increment(ref _handshakeFailures);
}
