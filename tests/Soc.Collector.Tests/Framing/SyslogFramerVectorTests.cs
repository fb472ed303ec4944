using System.Text;
using System.Text.Json;
using Soc.Collector.Framing;
using Soc.Collector.Tests.Support;

namespace Soc.Collector.Tests.Framing;

/// <summary>
/// Every stream of go-syslog's RFC 6587 framing tests must split into the frames go-syslog's best-effort parser
/// reports. Where go-syslog reports a framing error without a message we pass the bytes on flagged
/// (Malformed, Truncated) instead of dropping them, or yield nothing at a clean end of stream.
/// </summary>
public sealed class SyslogFramerVectorTests
{
    private const string OctetCountingFile = "go-syslog-rfc6587-octet-counting.jsonl";
    private const string NonTransparentFile = "go-syslog-rfc6587-non-transparent.jsonl";

    public static TheoryData<string, int, int> Streams()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var file in new[] { OctetCountingFile, NonTransparentFile })
        {
            var count = File.ReadLines(VectorPath(file)).Count(l => l.Length > 0);
            foreach (var chunk in new[] { int.MaxValue, 1, 7 })
            {
                for (var line = 0; line < count; line++)
                {
                    data.Add(file, line, chunk);
                }
            }
        }

        return data;
    }

    [Fact]
    public void CorpusHasAllStreams()
    {
        Assert.Equal(17, File.ReadLines(VectorPath(OctetCountingFile)).Count(l => l.Length > 0));
        Assert.Equal(10, File.ReadLines(VectorPath(NonTransparentFile)).Count(l => l.Length > 0));
    }

    [Theory]
    [MemberData(nameof(Streams))]
    public void SplitsStreamLikeGoSyslog(string file, int line, int chunk)
    {
        using var doc = JsonDocument.Parse(File.ReadLines(VectorPath(file)).Where(l => l.Length > 0).ElementAt(line));
        var root = doc.RootElement;
        var input = root.TryGetProperty("input_base64", out var b64)
            ? Convert.FromBase64String(b64.GetString()!)
            : Encoding.UTF8.GetBytes(root.GetProperty("input").GetString()!);
        var options = root.GetProperty("options").EnumerateArray().Select(o => o.GetString()!).ToList();
        var max = options.Where(o => o.StartsWith("max_message_length=", StringComparison.Ordinal))
            .Select(o => int.Parse(o["max_message_length=".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(8192).First();
        var mode = file == OctetCountingFile ? FramingMode.OctetCounting : FramingMode.NonTransparent;

        var frames = FramerHarness.Cut(input, max, mode, chunk);

        var next = 0;
        foreach (var result in root.GetProperty("expected").GetProperty("best_effort_results").EnumerateArray())
        {
            var error = result.GetProperty("error").ValueKind == JsonValueKind.String ? result.GetProperty("error").GetString()! : "";
            var message = result.GetProperty("message");
            if (message.ValueKind == JsonValueKind.Object)
            {
                Assert.True(next < frames.Count, $"expected a frame for result {next}");
                var (text, flags) = frames[next++];
                Assert.False(flags.HasFlag(FrameStatus.Malformed), text);
                Assert.StartsWith($"<{message.GetProperty("priority").GetInt32()}>{message.GetProperty("version").GetInt32()}", text, StringComparison.Ordinal);
                foreach (var field in new[] { "hostname", "appname" })
                {
                    if (message.TryGetProperty(field, out var value))
                    {
                        Assert.Contains(" " + value.GetString() + " ", text, StringComparison.Ordinal);
                    }
                }

                if (message.TryGetProperty("message", out var msg))
                {
                    Assert.EndsWith(msg.GetString()!, text, StringComparison.Ordinal);
                }

                if (mode == FramingMode.NonTransparent)
                {
                    var unterminated = next == frames.Count && input[^1] is not (byte)'\n' and not 0;
                    Assert.Equal(unterminated, flags.HasFlag(FrameStatus.Incomplete));
                }
            }
            else if (error.Contains("too long", StringComparison.Ordinal))
            {
                Assert.True(next < frames.Count, "a too-long message must be passed on truncated");
                var (text, flags) = frames[next++];
                Assert.True(flags.HasFlag(FrameStatus.Truncated));
                Assert.Equal(max, Encoding.UTF8.GetByteCount(text));
            }
            else if (error == "found EOF, expecting a MSGLEN")
            {
                // Clean end of stream between frames: nothing to yield.
            }
            else if (error.Contains("MSGLEN", StringComparison.Ordinal) || error.Contains("expecting a WS", StringComparison.Ordinal))
            {
                Assert.True(next < frames.Count, $"bytes after a framing error must be passed on ({error})");
                Assert.True(frames[next++].Status.HasFlag(FrameStatus.Malformed));
            }
            else
            {
                // A strict-mode parse error without a best-effort message: still one frame.
                Assert.True(next < frames.Count);
                next++;
            }
        }

        Assert.Equal(next, frames.Count);
    }

    private static string VectorPath(string file) => RepoPaths.CorpusFile("logs", "syslog-vectors", file);
}
