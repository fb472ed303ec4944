namespace Soc.Console.Exports.Forms;

/// <summary>The initial report (Mẫu 03) a final report (Mẫu 04) refers to: its number and date.</summary>
public sealed record InitialReportReference(string Number, DateTimeOffset IssuedAt);
