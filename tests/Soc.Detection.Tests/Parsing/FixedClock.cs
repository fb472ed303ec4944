namespace Soc.Detection.Tests.Parsing;

/// <summary>A clock stopped at one instant, so year-less time stamps resolve the same way on every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
