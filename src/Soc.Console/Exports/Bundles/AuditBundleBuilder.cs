using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Soc.Console.Exports.Common;

namespace Soc.Console.Exports.Bundles;

/// <summary>
/// Writes an audit bundle: a ZIP with the reports, the evidence, the audit slice, a manifest of SHA-256
/// hashes and a detached CMS/PKCS#7 signature of the manifest made with the center's certificate.
/// </summary>
public static class AuditBundleBuilder
{
    public static BundleManifest Write(AuditBundleContent content, X509Certificate2 signer, ExportContext context, Stream output)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(context);
        if (!signer.HasPrivateKey)
        {
            throw new ArgumentException("The signing certificate has no private key.", nameof(signer));
        }

        var files = new List<BundleFile>();
        files.AddRange(content.Reports.Select(f => f with { Path = "reports/" + f.Path }));
        files.AddRange(content.Evidence.Select(f => f with { Path = "evidence/" + f.Path }));
        if (content.Audit is { } audit)
        {
            files.Add(new BundleFile(BundleLayout.AuditTrail, JsonSerializer.SerializeToUtf8Bytes(audit, ReportJson.Options)));
        }

        files.Add(new BundleFile(BundleLayout.Readme, System.Text.Encoding.UTF8.GetBytes(Readme)));
        var bad = files.Where(f => !BundleLayout.IsSafePath(f.Path)).Select(f => f.Path).ToList();
        var duplicates = files.GroupBy(f => f.Path, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (bad.Count > 0 || duplicates.Count > 0)
        {
            throw new ArgumentException("Bad bundle paths: " + string.Join(", ", bad.Concat(duplicates)), nameof(content));
        }

        var manifest = new BundleManifest
        {
            BundleId = Guid.NewGuid().ToString("N"),
            CreatedAt = ReportClock.IsoLocal(context.GeneratedAt),
            CreatedBy = context.GeneratedBy,
            IncidentIds = content.IncidentIds,
            AuditAnchorHash = content.Audit?.AnchorHash,
            AuditHeadHash = content.Audit?.HeadHash,
            Files = [.. files.Select(f => new BundleManifestEntry(f.Path, Convert.ToHexStringLower(SHA256.HashData(f.Content.Span)), f.Content.Length))],
        };
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ReportJson.Options);
        var signature = Sign(manifestBytes, signer, context.GeneratedAt);

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, BundleLayout.Manifest, manifestBytes, context.GeneratedAt);
        Add(zip, BundleLayout.Signature, signature, context.GeneratedAt);
        foreach (var file in files)
        {
            Add(zip, file.Path, file.Content.Span, context.GeneratedAt);
        }

        return manifest;
    }

    private static byte[] Sign(byte[] manifest, X509Certificate2 signer, DateTimeOffset at)
    {
        var cms = new SignedCms(new ContentInfo(manifest), detached: true);
        var cmsSigner = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, signer)
        {
            IncludeOption = X509IncludeOption.EndCertOnly,
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
        };
        cmsSigner.SignedAttributes.Add(new Pkcs9SigningTime(at.UtcDateTime));
        cms.ComputeSignature(cmsSigner);
        return cms.Encode();
    }

    private static void Add(ZipArchive zip, string path, ReadOnlySpan<byte> bytes, DateTimeOffset at)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = ReportClock.ToLocal(at);
        using var stream = entry.Open();
        stream.Write(bytes);
    }

    private const string Readme = """
        Soc audit bundle
        ================
        manifest.json      every other file of this bundle with its SHA-256 and length
        manifest.json.p7s  detached CMS (PKCS#7) signature of manifest.json by the center's certificate
        reports/           the incident report (PDF, DOCX, JSON, CSV) and national forms
        evidence/          evidence files, as attached to the incident
        audit/trail.json   the audit-trail run covering the incident, as a SHA-256 hash chain;
                           records about other subjects are redacted to their hashes

        Verify:  soc report verify <bundle.zip> [--trust center.cer]
        or with OpenSSL (after unzipping):
          openssl cms -verify -binary -inform DER -in manifest.json.p7s -content manifest.json -noverify -out /dev/null
          sha256sum <file>   # compare with manifest.json
        Times are ISO 8601 with their offset; printed reports use Asia/Ho_Chi_Minh (UTC+07:00).

        """;
}
