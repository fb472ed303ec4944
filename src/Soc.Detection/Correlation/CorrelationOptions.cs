namespace Soc.Detection.Correlation;

/// <summary>Limits of in-stream correlation state.</summary>
public sealed record CorrelationOptions
{
    /// <summary>Hard cap on live groups per correlation rule; beyond it the least recently updated groups are evicted (counted).</summary>
    public int MaxGroupsPerRule { get; init; } = 100_000;

    /// <summary>How far (event time) an event may lag the newest event seen and still count; later ones are dropped (counted).</summary>
    public int AllowedLatenessSeconds { get; init; } = 60;

    /// <summary>Cap per group on remembered events (count, sum, avg and percentile windows; the oldest by event time gives way) or distinct values (value_count; the value seen longest ago gives way).</summary>
    public int MaxEventsPerGroup { get; init; } = 4096;
}
