using Soc.Console.Exports.Audit;

namespace Soc.Console.Exports.Bundles;

/// <summary>What goes into a bundle: rendered reports, evidence files and the audit-trail slice.</summary>
public sealed record AuditBundleContent
{
    public IReadOnlyList<string> IncidentIds { get; init; } = [];

    /// <summary>Stored under reports/.</summary>
    public IReadOnlyList<BundleFile> Reports { get; init; } = [];

    /// <summary>Stored under evidence/.</summary>
    public IReadOnlyList<BundleFile> Evidence { get; init; } = [];

    public AuditTrailSlice? Audit { get; init; }
}
