namespace Soc.Console.Exports.Bundles;

/// <summary>The outcome of checking a bundle: every failure names the file or record that failed.</summary>
public sealed record BundleVerification(
    IReadOnlyList<string> Failures,
    string? SignerSubject,
    string? SignerThumbprint,
    DateTimeOffset? SignedAt,
    bool SignerTrusted,
    int FilesChecked,
    BundleManifest? Manifest)
{
    public bool Valid => Failures.Count == 0;
}
