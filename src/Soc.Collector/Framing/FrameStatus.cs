namespace Soc.Collector.Framing;

/// <summary>What went wrong (if anything) while a frame was cut from a byte stream.</summary>
[Flags]
public enum FrameStatus
{
    None = 0,

    /// <summary>The message was longer than the maximum; the payload holds its first bytes, the rest was skipped.</summary>
    Truncated = 1,

    /// <summary>The stream ended before the frame did (no trailer, or fewer octets than announced).</summary>
    Incomplete = 2,

    /// <summary>
    /// The bytes did not follow the stream's framing (e.g. no <c>MSGLEN SP</c> on an octet-counted stream);
    /// they are passed on as a line so nothing is dropped, and the framer resynchronises at the next trailer.
    /// </summary>
    Malformed = 4,
}
