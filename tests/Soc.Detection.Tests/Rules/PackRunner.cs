using Soc.Detection.Engine;
using Soc.Detection.Events;
using Soc.Detection.Parsing;
using Soc.Detection.Sigma;
using Soc.Detection.Tests.Support;

namespace Soc.Detection.Tests.Rules;

/// <summary>Loads the pack once and feeds raw lines through the real <see cref="EventNormalizer"/> and engine.</summary>
public static class PackRunner
{
    private static readonly Lazy<RuleLoadResult> Loaded = new(() => SigmaRuleLoader.LoadPaths([RepoPaths.Rules]));

    public static RuleLoadResult Pack => Loaded.Value;

    /// <summary>Year-less syslog stamps resolve against this clock (late 2026, like the test lines).</summary>
    public static EventNormalizer Normalizer { get; } = new(new PackClock(new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.Zero)));

    public static LogEvent Normalize(string sourceType, string line, string timeZone = RawRecord.DefaultTimeZone, int n = 0) =>
        Normalizer.Normalize(new RawRecord("test-" + n, sourceType, "agency-host", "/var/log/test", new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), timeZone, line));

    /// <summary>Every alert the engine raises over the lines, fed in order.</summary>
    public static List<Alert> Run(DetectionEngine engine, string sourceType, IEnumerable<string> lines, string timeZone = RawRecord.DefaultTimeZone)
    {
        var alerts = new List<Alert>();
        var n = 0;
        foreach (var line in lines)
        {
            engine.Evaluate(Normalize(sourceType, line, timeZone, n++), alerts);
        }

        return alerts;
    }

    private sealed class PackClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
