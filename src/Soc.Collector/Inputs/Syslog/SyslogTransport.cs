namespace Soc.Collector.Inputs.Syslog;

public enum SyslogTransport
{
    /// <summary>RFC 5426: one message per datagram.</summary>
    Udp,

    /// <summary>RFC 6587: plain TCP, newline or octet-counted framing.</summary>
    Tcp,

    /// <summary>RFC 5425: TCP inside TLS 1.2/1.3, framing as for TCP.</summary>
    Tls,
}
