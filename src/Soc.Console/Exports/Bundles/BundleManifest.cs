namespace Soc.Console.Exports.Bundles;

/// <summary>
/// manifest.json: what the bundle holds and who made it. The detached CMS signature manifest.json.p7s covers
/// these exact bytes, and the manifest covers every other file by hash, so one signature seals everything.
/// </summary>
public sealed record BundleManifest
{
    public const string CurrentSchema = "soc.audit-bundle/1";

    public string Schema { get; init; } = CurrentSchema;

    public required string BundleId { get; init; }

    /// <summary>ISO 8601 with the local offset, e.g. "2026-11-22T16:15:02+07:00".</summary>
    public required string CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public IReadOnlyList<string> IncidentIds { get; init; } = [];

    /// <summary>First and last hash of the audit slice in audit/trail.json, when there is one.</summary>
    public string? AuditAnchorHash { get; init; }

    public string? AuditHeadHash { get; init; }

    public required IReadOnlyList<BundleManifestEntry> Files { get; init; }
}
