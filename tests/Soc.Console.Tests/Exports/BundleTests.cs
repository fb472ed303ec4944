using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Soc.Console.Exports.Audit;
using Soc.Console.Exports.Bundles;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Model;

namespace Soc.Console.Tests.Exports;

public sealed class BundleTests(SigningCertificateFixture fixture) : IClassFixture<SigningCertificateFixture>
{
    private static readonly byte[] AuthLog = Encoding.UTF8.GetBytes("Nov 22 10:14:57 web01 sshd[4242]: Failed password for root from 203.0.113.77 port 40000 ssh2\n");
    private readonly string _dataDir = fixture.DataDir;
    private readonly X509Certificate2 _certificate = fixture.Certificate;

    [Fact]
    public void IntactBundleVerifiesAndNamesItsTrustedSigner()
    {
        var bundle = Build();
        Samples.Keep("bundle.zip", bundle);

        var result = Verify(bundle, trusted: true);

        Assert.True(result.Valid, string.Join("\n", result.Failures));
        Assert.True(result.SignerTrusted);
        Assert.Equal("CN=Soc center report signing, O=Soc", result.SignerSubject);
        Assert.Equal(SampleData.Detected.AddHours(6), result.SignedAt);
        Assert.Contains(result.Manifest!.Files, f => f.Path == "evidence/auth.log");
        Assert.Contains(result.Manifest!.Files, f => f.Path == "reports/INC-2026-000142.pdf");
        Assert.Contains(result.Manifest!.Files, f => f.Path == "audit/trail.json");
    }

    [Fact]
    public void OneChangedByteInAFileFailsAndNamesTheFile()
    {
        var tampered = Tamper(Build(), "reports/INC-2026-000142.pdf", bytes => bytes[100] ^= 0x01);

        var result = Verify(tampered, trusted: true);

        Assert.Equal(["reports/INC-2026-000142.pdf: SHA-256 differs from the manifest (file altered)"], result.Failures);
    }

    [Fact]
    public void OneChangedByteInTheManifestFailsTheSignature()
    {
        var tampered = Tamper(Build(), BundleLayout.Manifest, bytes =>
        {
            var at = Encoding.UTF8.GetString(bytes).IndexOf("kiem.toan", StringComparison.Ordinal);
            bytes[at] = (byte)'K';
        });

        var result = Verify(tampered, trusted: true);

        Assert.Single(result.Failures);
        Assert.StartsWith("manifest.json.p7s: signature does not verify against manifest.json", result.Failures[0], StringComparison.Ordinal);
    }

    [Fact]
    public void OneChangedByteInTheSignatureFailsIt()
    {
        // The last byte of the CMS encoding is the last byte of the RSA signature value.
        var tampered = Tamper(Build(), BundleLayout.Signature, bytes => bytes[^1] ^= 0x01);

        var result = Verify(tampered, trusted: true);

        Assert.Single(result.Failures);
        Assert.StartsWith("manifest.json.p7s: signature does not verify", result.Failures[0], StringComparison.Ordinal);
    }

    [Fact]
    public void AddedOrRemovedFilesAreNamed()
    {
        var bundle = Build();
        var added = Rewrite(bundle, entries => entries["evidence/extra.txt"] = [1, 2, 3]);
        var removed = Rewrite(bundle, entries => entries.Remove("evidence/auth.log"));

        Assert.Equal(["evidence/extra.txt: in the bundle but not in the manifest (file added)"], Verify(added, trusted: true).Failures);
        Assert.Equal(["evidence/auth.log: listed in the manifest but missing from the bundle"], Verify(removed, trusted: true).Failures);
    }

    [Fact]
    public void ASignatureByAnotherCertificateIsNotTrusted()
    {
        var otherDir = Directory.CreateTempSubdirectory("soc-bundle-other-").FullName;
        try
        {
            using var other = SigningCertificates.LoadOrCreate(otherDir);
            var result = AuditBundleVerifier.Verify(new MemoryStream(Build()), [other]);

            Assert.False(result.SignerTrusted);
            Assert.Contains("which is not a trusted certificate", Assert.Single(result.Failures), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(otherDir, true);
        }
    }

    [Fact]
    public void EvidenceThatNoLongerMatchesItsRecordedHashIsRefused()
    {
        var error = Assert.Throws<InvalidDataException>(() => IncidentBundle.Write(
            Incident(), [new BundleFile("auth.log", Encoding.UTF8.GetBytes("forged"))], null, [], _certificate, new ExportContext(SampleData.Detected, "x"), new MemoryStream()));

        Assert.Contains("evidence/auth.log", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CertificateIsCreatedOnceWithOwnerOnlyPermissions()
    {
        using var again = SigningCertificates.LoadOrCreate(_dataDir);

        Assert.Equal(_certificate.Thumbprint, again.Thumbprint);
        Assert.True(again.HasPrivateKey);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SigningCertificates.DefaultPath(_dataDir)));
        }

        Assert.True(File.Exists(Path.Combine(_dataDir, "keys", SigningCertificates.PublicFileName)));
    }

    internal static IncidentReportData Incident()
    {
        var data = SampleData.Incident();
        return data with { Evidence = [data.Evidence[0] with { Name = "auth.log", Sha256 = Convert.ToHexStringLower(SHA256.HashData(AuthLog)), Length = AuthLog.Length }] };
    }

    private byte[] Build()
    {
        using var output = new MemoryStream();
        IncidentBundle.Write(Incident(), [new BundleFile("auth.log", AuthLog)], AuditTrailTests.Slice(), [], _certificate, new ExportContext(SampleData.Detected.AddHours(6), "kiem.toan"), output);
        return output.ToArray();
    }

    private BundleVerification Verify(byte[] bundle, bool trusted) =>
        AuditBundleVerifier.Verify(new MemoryStream(bundle), trusted ? [X509CertificateLoader.LoadCertificate(_certificate.RawData)] : null);

    private static byte[] Tamper(byte[] bundle, string name, Action<byte[]> change) => Rewrite(bundle, entries => change(entries[name]));

    private static byte[] Rewrite(byte[] bundle, Action<Dictionary<string, byte[]>> change)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var zip = new ZipArchive(new MemoryStream(bundle), ZipArchiveMode.Read))
        {
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                entries[entry.FullName] = memory.ToArray();
            }
        }

        change(entries);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(bytes);
            }
        }

        return output.ToArray();
    }
}
