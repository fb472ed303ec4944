using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Soc.Console.Exports.Audit;
using Soc.Console.Exports.Common;

namespace Soc.Console.Exports.Bundles;

/// <summary>
/// Checks a bundle offline: the CMS signature over manifest.json, each file against its manifest hash, no
/// file missing or added, and the audit slice's hash chain. The signer is trusted only when its certificate
/// is one of <c>trusted</c>: a self-signed certificate proves integrity, not identity, until pinned.
/// </summary>
public static class AuditBundleVerifier
{
    public const int MaxManifestBytes = 16 * 1024 * 1024;

    public static BundleVerification Verify(Stream bundle, X509Certificate2Collection? trusted = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var failures = new List<string>();
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(bundle, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            return new BundleVerification([$"bundle: not a readable ZIP ({e.Message})"], null, null, null, false, 0, null);
        }

        using (zip)
        {
            var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
            foreach (var entry in zip.Entries)
            {
                if (!entries.TryAdd(entry.FullName, entry))
                {
                    failures.Add($"{entry.FullName}: present twice in the ZIP");
                }
            }

            var manifestBytes = Read(entries, BundleLayout.Manifest, failures);
            var signatureBytes = Read(entries, BundleLayout.Signature, failures);
            if (manifestBytes is null || signatureBytes is null)
            {
                return new BundleVerification(failures, null, null, null, false, 0, null);
            }

            var (subject, thumbprint, signedAt, signerTrusted) = CheckSignature(manifestBytes, signatureBytes, trusted, failures);
            BundleManifest? manifest = null;
            try
            {
                manifest = JsonSerializer.Deserialize<BundleManifest>(manifestBytes, ReportJson.Options);
            }
            catch (JsonException e)
            {
                failures.Add($"{BundleLayout.Manifest}: not valid JSON ({e.Message})");
            }

            var checkedFiles = manifest is null ? 0 : CheckFiles(manifest, entries, failures);
            if (manifest is not null)
            {
                CheckAudit(manifest, entries, failures);
            }

            return new BundleVerification(failures, subject, thumbprint, signedAt, signerTrusted, checkedFiles, manifest);
        }
    }

    private static (string?, string?, DateTimeOffset?, bool) CheckSignature(byte[] manifest, byte[] signature, X509Certificate2Collection? trusted, List<string> failures)
    {
        var cms = new SignedCms(new ContentInfo(manifest), detached: true);
        try
        {
            cms.Decode(signature);
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException e)
        {
            failures.Add($"{BundleLayout.Signature}: signature does not verify against {BundleLayout.Manifest} ({e.Message})");
            return (null, null, null, false);
        }

        var info = cms.SignerInfos[0];
        var certificate = info.Certificate;
        var signedAt = info.SignedAttributes.Cast<CryptographicAttributeObject>()
            .SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .OfType<Pkcs9SigningTime>()
            .Select(t => (DateTimeOffset?)new DateTimeOffset(t.SigningTime, TimeSpan.Zero))
            .FirstOrDefault();
        var isTrusted = certificate is not null && trusted is not null
            && trusted.Cast<X509Certificate2>().Any(t => t.RawData.AsSpan().SequenceEqual(certificate.RawData));
        if (trusted is not null && !isTrusted)
        {
            failures.Add($"{BundleLayout.Signature}: signed by {certificate?.Subject} ({certificate?.Thumbprint}), which is not a trusted certificate");
        }

        return (certificate?.Subject, certificate?.Thumbprint, signedAt, isTrusted);
    }

    private static int CheckFiles(BundleManifest manifest, Dictionary<string, ZipArchiveEntry> entries, List<string> failures)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            if (!listed.Add(file.Path))
            {
                failures.Add($"{file.Path}: listed twice in the manifest");
                continue;
            }

            if (!BundleLayout.IsSafePath(file.Path))
            {
                failures.Add($"{file.Path}: unsafe path in the manifest");
                continue;
            }

            if (!entries.TryGetValue(file.Path, out var entry))
            {
                failures.Add($"{file.Path}: listed in the manifest but missing from the bundle");
                continue;
            }

            using var stream = entry.Open();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            long length = 0;
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                length += read;
            }

            if (Convert.ToHexStringLower(hash.GetHashAndReset()) != file.Sha256 || length != file.Length)
            {
                failures.Add($"{file.Path}: SHA-256 differs from the manifest (file altered)");
            }
        }

        foreach (var name in entries.Keys.Where(n => n is not BundleLayout.Manifest and not BundleLayout.Signature && !listed.Contains(n)))
        {
            failures.Add($"{name}: in the bundle but not in the manifest (file added)");
        }

        return listed.Count;
    }

    private static void CheckAudit(BundleManifest manifest, Dictionary<string, ZipArchiveEntry> entries, List<string> failures)
    {
        if (!entries.TryGetValue(BundleLayout.AuditTrail, out var trail))
        {
            if (manifest.AuditHeadHash is not null)
            {
                failures.Add($"{BundleLayout.AuditTrail}: missing, but the manifest names an audit head");
            }

            return;
        }

        AuditTrailSlice? slice;
        try
        {
            using var stream = trail.Open();
            slice = JsonSerializer.Deserialize<AuditTrailSlice>(stream, ReportJson.Options);
        }
        catch (JsonException e)
        {
            failures.Add($"{BundleLayout.AuditTrail}: not valid JSON ({e.Message})");
            return;
        }

        if (slice is null)
        {
            failures.Add($"{BundleLayout.AuditTrail}: empty");
            return;
        }

        failures.AddRange(AuditChain.Verify(slice).Select(p => $"{BundleLayout.AuditTrail}: {p}"));
        if (slice.AnchorHash != manifest.AuditAnchorHash || slice.HeadHash != manifest.AuditHeadHash)
        {
            failures.Add($"{BundleLayout.AuditTrail}: anchor or head differs from the manifest");
        }
    }

    private static byte[]? Read(Dictionary<string, ZipArchiveEntry> entries, string name, List<string> failures)
    {
        if (!entries.TryGetValue(name, out var entry))
        {
            failures.Add($"{name}: missing from the bundle");
            return null;
        }

        // The manifest and signature are small; a huge one is refused rather than read into memory.
        if (entry.Length > MaxManifestBytes)
        {
            failures.Add($"{name}: larger than {MaxManifestBytes} bytes");
            return null;
        }

        using var stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
