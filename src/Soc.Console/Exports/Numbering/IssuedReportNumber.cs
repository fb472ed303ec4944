namespace Soc.Console.Exports.Numbering;

/// <summary>A number as the store recorded it: for which template and incident, when and by whom.</summary>
public sealed record IssuedReportNumber(ReportNumber Number, string? Template, long? IncidentId, DateTimeOffset IssuedAt, string IssuedBy);
