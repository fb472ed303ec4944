namespace Soc.Console.Exports.Deadlines;

/// <summary>One deadline as the API shows it: the state as its stable text code.</summary>
public sealed record DeadlineView(string RuleSet, string Rule, string Label, string LegalSource, DateTimeOffset? DueAt, string State, DateTimeOffset? MetAt)
{
    public static DeadlineView Of(DeadlineStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(status.RuleSetId, status.RuleId, status.Label, status.LegalSource, status.DueAt, DeadlineStateCode.Of(status.State), status.FulfilledAt);
    }
}
