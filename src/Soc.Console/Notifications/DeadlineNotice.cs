namespace Soc.Console.Notifications;

/// <summary>One incident whose deadline became near or overdue: what every channel sends.</summary>
/// <param name="Deadline">rule set / rule, e.g. <c>tt20-2017/notify</c>.</param>
/// <param name="State">near or overdue.</param>
public sealed record DeadlineNotice(
    long IncidentId,
    string AgencyId,
    string Title,
    string Severity,
    string Deadline,
    string DeadlineLabel,
    string LegalSource,
    DateTimeOffset DueAt,
    string State,
    string ConsoleLink);
