namespace Soc.Console.Exports.Bundles;

/// <summary>One file of the bundle with its SHA-256 (lowercase hex) and length in bytes.</summary>
public sealed record BundleManifestEntry(string Path, string Sha256, long Length);
