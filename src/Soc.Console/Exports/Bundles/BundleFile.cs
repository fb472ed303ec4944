namespace Soc.Console.Exports.Bundles;

/// <summary>A file to put in a bundle, at a relative path with forward slashes (e.g. "evidence/auth.log.gz").</summary>
public sealed record BundleFile(string Path, ReadOnlyMemory<byte> Content);
