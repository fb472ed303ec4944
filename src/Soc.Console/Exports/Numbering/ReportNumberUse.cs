namespace Soc.Console.Exports.Numbering;

/// <summary>What a number is issued for: the form template, the incident (none for Mẫu 05) and who issued it.</summary>
public sealed record ReportNumberUse(string? Template, long? IncidentId, string IssuedBy);
