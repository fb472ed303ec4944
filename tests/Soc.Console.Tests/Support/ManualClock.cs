namespace Soc.Console.Tests.Support;

/// <summary>A clock the test sets by hand, so deadline states are checked at exact instants. Timers stay real.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
