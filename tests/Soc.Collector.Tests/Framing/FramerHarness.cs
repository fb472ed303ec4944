using Soc.Collector.Framing;

namespace Soc.Collector.Tests.Framing;

/// <summary>Runs a byte stream through a <see cref="SyslogFramer"/> in chunks of a given size, as reads from a socket would.</summary>
internal static class FramerHarness
{
    public static List<(string Text, FrameStatus Status)> Cut(byte[] input, int maxMessageBytes, FramingMode mode, int chunk)
    {
        using var framer = new SyslogFramer(maxMessageBytes, mode);
        var frames = new List<(string, FrameStatus)>();
        for (var start = 0; start < input.Length; start += chunk)
        {
            var span = input.AsSpan(start, Math.Min(chunk, input.Length - start));
            while (framer.TryReadFrame(span, out var consumed, out var frame))
            {
                frames.Add((Utf8Text.Decode(frame.Payload, frame.Status.HasFlag(FrameStatus.Truncated)), frame.Status));
                span = span[consumed..];
            }
        }

        if (framer.TryFlush(out var last))
        {
            frames.Add((Utf8Text.Decode(last.Payload, last.Status.HasFlag(FrameStatus.Truncated)), last.Status));
        }

        return frames;
    }
}
