namespace Soc.Collector.Telemetry;

/// <summary>
/// Log lines to stderr, one per event, with a level prefix journald understands (&lt;3&gt; error, &lt;4&gt; warning,
/// &lt;6&gt; info). Never called per record: hot paths count and report per batch or through
/// <see cref="RateLimitedLog"/>.
/// </summary>
public static class CollectorLog
{
    private static readonly Lock Gate = new();

    public static void Info(string message) => Write("<6>", message);

    public static void Warning(string message) => Write("<4>", message);

    public static void Error(string message) => Write("<3>", message);

    private static void Write(string level, string message)
    {
        lock (Gate)
        {
            Console.Error.WriteLine(level + message);
        }
    }
}
