namespace Soc.Console.Exports.Deadlines;

/// <summary>
/// The stable text of a <see cref="DeadlineState"/> — in CSS classes, string keys (<c>clk.state.*</c>),
/// webhook bodies and the notifications table, where renaming an enum member must not change it.
/// </summary>
public static class DeadlineStateCode
{
    public static string Of(DeadlineState state) => state switch
    {
        DeadlineState.NotStarted => "not_started",
        DeadlineState.Ok => "pending",
        DeadlineState.Near => "near",
        DeadlineState.Overdue => "overdue",
        DeadlineState.Met => "met",
        DeadlineState.MetLate => "met_late",
        _ => "unknown",
    };

    /// <summary>A sign beside the state's words, so the state never rests on colour alone.</summary>
    public static string Icon(DeadlineState state) => state switch
    {
        DeadlineState.Near => "◔",
        DeadlineState.Overdue => "⚠",
        DeadlineState.Met => "✓",
        DeadlineState.MetLate => "✓!",
        DeadlineState.Ok => "○",
        _ => "·",
    };
}
