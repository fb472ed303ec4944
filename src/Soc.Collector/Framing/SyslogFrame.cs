namespace Soc.Collector.Framing;

/// <summary>
/// One message cut from a stream. <see cref="Payload"/> points into the framer's buffer and is valid only
/// until the framer is called again.
/// </summary>
public readonly ref struct SyslogFrame(ReadOnlySpan<byte> payload, FrameStatus status)
{
    public ReadOnlySpan<byte> Payload { get; } = payload;

    public FrameStatus Status { get; } = status;
}
