namespace Soc.Console.Web.Data;

/// <summary>
/// What the incident queue asks for. Null members do not filter. <see cref="Statuses"/> empty means
/// "every status except closed", the queue's default: closed work should not crowd open work.
/// </summary>
public sealed record QueueFilter
{
    public IReadOnlyList<string> Statuses { get; init; } = [];

    public string? Severity { get; init; }

    public string? AgencyId { get; init; }

    public string? RuleId { get; init; }

    public string? Category { get; init; }

    /// <summary>A user name, or <c>-</c> for unassigned.</summary>
    public string? Assignee { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    /// <summary>last_seen (default), first_seen, severity, alerts or id; <see cref="Descending"/> applies.</summary>
    public string Sort { get; init; } = "last_seen";

    public bool Descending { get; init; } = true;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}
