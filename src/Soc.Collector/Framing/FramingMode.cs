namespace Soc.Collector.Framing;

/// <summary>How syslog messages are delimited on a stream transport (RFC 6587).</summary>
public enum FramingMode
{
    /// <summary>Decide from the first frame: digits followed by a space mean octet counting, anything else a trailer.</summary>
    Detect,

    /// <summary>RFC 6587 3.4.2: each message ends with LF (NUL is accepted too; a CR before the LF is dropped).</summary>
    NonTransparent,

    /// <summary>RFC 6587 3.4.1 / RFC 5425: <c>MSGLEN SP MSG</c>.</summary>
    OctetCounting,
}
