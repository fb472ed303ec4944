namespace Soc.Console.Exports.Deadlines;

/// <summary>What became of a request to record a milestone by hand.</summary>
public enum MilestoneOutcome
{
    Recorded,
    NotFound,
    Forbidden,

    /// <summary>Unknown milestone, a missing or future time, or a note too long.</summary>
    Invalid,
}
