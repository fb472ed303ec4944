using System.Text;
using Soc.Collector.Framing;

namespace Soc.Collector.Tests.Framing;

public sealed class SyslogFramerTests
{
    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1)]
    [InlineData(3)]
    public void DetectsOctetCountingFromFirstFrame(int chunk)
    {
        var frames = FramerHarness.Cut(Bytes("5 <13>a\n11 <13>b\nc d e"), 64, FramingMode.Detect, chunk);

        Assert.Equal(["<13>a", "<13>b\nc d e"], frames.Select(f => f.Text));
        Assert.All(frames, f => Assert.Equal(FrameStatus.None, f.Status));
    }

    [Fact]
    public void KeepsNewlineFramingForLinesThatStartWithDigits()
    {
        var frames = FramerHarness.Cut(Bytes("<13>first\n123 not a length\n2024-01-01 x\r\n"), 64, FramingMode.Detect, 4);

        Assert.Equal(["<13>first", "123 not a length", "2024-01-01 x"], frames.Select(f => f.Text));
    }

    [Fact]
    public void FirstLineStartingWithDigitsButNoSpaceIsNewlineFramed()
    {
        var frames = FramerHarness.Cut(Bytes("2024-01-01 a\n7 b\n"), 64, FramingMode.Detect, int.MaxValue);

        Assert.Equal(["2024-01-01 a", "7 b"], frames.Select(f => f.Text));
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1)]
    public void TruncatesLongLineAndResynchronisesAtTrailer(int chunk)
    {
        var frames = FramerHarness.Cut(Bytes("0123456789abcdef\nnext\n"), 10, FramingMode.Detect, chunk);

        Assert.Equal(("0123456789", FrameStatus.Truncated), frames[0]);
        Assert.Equal(("next", FrameStatus.None), frames[1]);
        Assert.Equal(2, frames.Count);
    }

    [Fact]
    public void TruncatesLongOctetCountedFrameAndSkipsItsRest()
    {
        var frames = FramerHarness.Cut(Bytes("16 0123456789abcdef3 xyz"), 10, FramingMode.Detect, 5);

        Assert.Equal([("0123456789", FrameStatus.Truncated), ("xyz", FrameStatus.None)], frames);
    }

    [Fact]
    public void TruncationDoesNotSplitAMultiByteCharacter()
    {
        // "aé" is 3 bytes; a 2-byte limit cuts é in half, which is dropped rather than shown as U+FFFD.
        var frames = FramerHarness.Cut(Bytes("aébc\n"), 2, FramingMode.NonTransparent, int.MaxValue);

        Assert.Equal(("a", FrameStatus.Truncated), frames.Single());
    }

    [Fact]
    public void SkipsEmptyLinesAndNewlinesBetweenOctetFrames()
    {
        Assert.Equal(["a", "b"], FramerHarness.Cut(Bytes("\n\na\n\r\nb\n"), 64, FramingMode.Detect, 2).Select(f => f.Text));
        Assert.Equal(["a", "b"], FramerHarness.Cut(Bytes("1 a\n1 b\r\n"), 64, FramingMode.Detect, 2).Select(f => f.Text));
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
