namespace Soc.Console.Incidents;

/// <summary>The incident workflow: new → acknowledged → in progress → closed. Closing needs a reason; a closed incident may be reopened.</summary>
public static class IncidentStatuses
{
    public const string New = "new";
    public const string Acknowledged = "acknowledged";
    public const string InProgress = "in_progress";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [New, Acknowledged, InProgress, Closed];

    /// <summary>Forward moves may skip steps (an obvious false positive closes from new); only reopening goes back, to new... or in progress.</summary>
    public static bool CanMove(string from, string to) => (from, to) switch
    {
        _ when from == to => false,
        (Closed, New or InProgress) => true,
        (Closed, _) => false,
        (_, New) => false,
        (InProgress, Acknowledged) => false,
        _ => All.Contains(to),
    };
}
