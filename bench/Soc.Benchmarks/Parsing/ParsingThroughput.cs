using System.Diagnostics;
using System.Text;
using Soc.Detection.Events;
using Soc.Detection.Parsing;

namespace Soc.Benchmarks.Parsing;

/// <summary>
/// Lines per CPU-second per format, from UTF-8 bytes to a normalised event on one thread, measured with the process's
/// CPU time rather than the wall clock so that a shared, loaded build machine does not distort the figure (BenchmarkDotNet's
/// wall-clock means are reported beside it). Best of five rounds of 300,000 lines after a warm-up.
/// Run: <c>dotnet run -c Release --project bench/Soc.Benchmarks -- parsing-throughput</c>.
/// </summary>
public static class ParsingThroughput
{
    private const int LinesPerRound = 300_000;

    public static void Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var now = new DateTimeOffset(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);
        var normalizer = new EventNormalizer(new FixedTime(now));
        var process = Process.GetCurrentProcess();
        output.WriteLine("format        lines/CPU-s   bytes allocated/line");
        foreach (var (format, type, line) in SampleLines.All)
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            var best = 0.0;
            long allocated = 0;
            for (var round = 0; round < 6; round++)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var before = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < LinesPerRound; i++)
                {
                    normalizer.Normalize(new RawRecord("id-1", type, "collector", "/var/log/x.log", now, RawRecord.DefaultTimeZone, Encoding.UTF8.GetString(bytes)));
                }

                allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / LinesPerRound;
                process.Refresh();
                if (round > 0)
                {
                    best = Math.Max(best, LinesPerRound / (process.TotalProcessorTime - cpu).TotalSeconds);
                }
            }

            output.WriteLine($"{format,-13} {best,11:N0}   {allocated,6}");
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
