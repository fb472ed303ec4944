using Soc.Detection.Events;

namespace Soc.Console.Ingest;

/// <summary>A decoded ingest body: its records, or why it was refused (<see cref="IsTooLarge"/>: 413, else 400).</summary>
public sealed record DecodedBatch(List<RawRecord>? Records, string? Error, bool IsTooLarge)
{
    public static DecodedBatch Malformed(string reason) => new(null, reason, false);

    public static DecodedBatch TooLarge(string reason) => new(null, reason, true);
}
