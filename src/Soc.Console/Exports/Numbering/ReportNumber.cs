namespace Soc.Console.Exports.Numbering;

/// <summary>
/// An issued report number. Vietnamese administrative numbering restarts each year per issuing agency:
/// <see cref="Text"/> is "07/BC-STTTT" (sequence / document type - agency code).
/// </summary>
public sealed record ReportNumber(string AgencyId, string Series, int Year, int Sequence, string Text);
