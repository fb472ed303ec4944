namespace Soc.Console.Exports.Bundles;

/// <summary>Fixed names inside a bundle (docs/reports.md "Audit bundle").</summary>
public static class BundleLayout
{
    public const string Manifest = "manifest.json";
    public const string Signature = "manifest.json.p7s";
    public const string AuditTrail = "audit/trail.json";
    public const string Readme = "README.txt";

    /// <summary>A relative path without "..", backslashes, empty parts or a leading slash: a bundle never writes outside its folder when unpacked.</summary>
    public static bool IsSafePath(string path) =>
        !string.IsNullOrEmpty(path)
        && !path.StartsWith('/')
        && !path.Contains('\\', StringComparison.Ordinal)
        && path.Split('/').All(part => part.Length > 0 && part != "." && part != "..");
}
