namespace Soc.Console.Exports.Model;

/// <summary>One deadline that applies to the incident, as it stood when the report was made.</summary>
/// <param name="Name">The rule's label, e.g. "Thông báo sự cố (Mẫu 03)".</param>
/// <param name="LegalSource">The text it comes from (or "internal target" for the center's own).</param>
/// <param name="DueAt">Null while its clock has not started (the response has not ended).</param>
/// <param name="State">The stable code: not_started, pending, near, overdue, met, met_late.</param>
/// <param name="MetAt">When it was fulfilled (form issued, report marked sent, acknowledged, closed).</param>
/// <param name="Key">"ruleSet/rule", e.g. "tt20-2017/notify".</param>
public sealed record IncidentDeadline(string Name, string LegalSource, DateTimeOffset? DueAt, string State, DateTimeOffset? MetAt, string? Key = null);
