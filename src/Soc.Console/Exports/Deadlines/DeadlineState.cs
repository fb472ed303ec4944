namespace Soc.Console.Exports.Deadlines;

/// <summary>Where an incident stands against one deadline.</summary>
public enum DeadlineState
{
    /// <summary>The starting event has not happened yet (e.g. the response has not ended).</summary>
    NotStarted,

    /// <summary>Running, more than the rule's near-hours left.</summary>
    Ok,

    /// <summary>Running, the deadline is close.</summary>
    Near,

    /// <summary>Past the deadline and not fulfilled.</summary>
    Overdue,

    Met,

    /// <summary>Fulfilled after the deadline.</summary>
    MetLate,
}
