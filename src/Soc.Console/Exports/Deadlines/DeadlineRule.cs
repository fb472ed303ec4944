namespace Soc.Console.Exports.Deadlines;

/// <summary>One legal deadline: from which event, how long, for which incidents, and what fulfils it.</summary>
public sealed record DeadlineRule
{
    public required string Id { get; init; }

    public required string Label { get; init; }

    /// <summary>The article or document the deadline comes from, printed beside it.</summary>
    public required string LegalSource { get; init; }

    public required DeadlineStart Start { get; init; }

    public required int Duration { get; init; }

    public required DeadlineUnit Unit { get; init; }

    /// <summary>The clock reads "near" this many hours before the deadline.</summary>
    public double NearHours { get; init; } = 24;

    /// <summary>Only incidents of these severities (empty: all).</summary>
    public IReadOnlyList<string> Severities { get; init; } = [];

    /// <summary>Only incidents carrying one of these flags, e.g. "personal-data-breach" (empty: all).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>The milestone that fulfils the deadline, e.g. "initialReport" (see <see cref="IncidentClock.Milestones"/>).</summary>
    public required string Milestone { get; init; }

    /// <summary>
    /// Form templates (e.g. "tt20-2017/mau-03") whose issue for the incident fulfils the deadline at the issue
    /// time, as well as <see cref="Milestone"/> recorded by hand. Checked against the loaded templates at start-up.
    /// </summary>
    public IReadOnlyList<string> MetBy { get; init; } = [];
}
