namespace Soc.Console.Exports.Deadlines;

/// <summary>The event that starts a deadline's clock.</summary>
public enum DeadlineStart
{
    /// <summary>Discovery of the incident (its detection time).</summary>
    Detected,

    /// <summary>End of the response (the incident closed).</summary>
    ResponseEnded,
}
