namespace Soc.Console.Web.Data;

/// <summary>The result of walking the audit hash chain: how many entries checked, and the first broken one.</summary>
public sealed record AuditVerification(bool Ok, long Checked, long? BrokenSeq, string? Problem);
