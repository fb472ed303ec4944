using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Soc.Collector.Tests.Support;

namespace Soc.Collector.Tests.Shipping;

/// <summary>HTTPS to a center whose certificate is issued by a provincial CA given in center.caFile.</summary>
public sealed class CenterTlsTests
{
    [Fact]
    public async Task TrustsACenterCertificateIssuedByTheConfiguredCa()
    {
        using var dir = new TempDirectory();
        using var ca = CreateCa("Soc Test Provincial CA");
        using var server = IssueServerCertificate(ca, "localhost");
        await using var sink = new IngestSink(certificate: server);
        await sink.StartAsync();
        var caFile = dir.Combine("ca.pem");
        await File.WriteAllTextAsync(caFile, ca.ExportCertificatePem());
        await using var rig = new ShippingRig([sink.Url], c => c.CaFile = caFile);

        await rig.WriteLinesAsync(1, 100);
        await Eventually.TrueAsync(() => rig.Queue.Depth == 0, "queue drained over HTTPS");
        Assert.Equal(100, sink.Stored.Count);
    }

    [Fact]
    public async Task RefusesACenterCertificateFromAnotherCa()
    {
        using var dir = new TempDirectory();
        using var ca = CreateCa("Soc Test Provincial CA");
        using var impostor = CreateCa("Someone Else");
        using var server = IssueServerCertificate(impostor, "localhost");
        await using var sink = new IngestSink(certificate: server);
        await sink.StartAsync();
        var caFile = dir.Combine("ca.pem");
        await File.WriteAllTextAsync(caFile, ca.ExportCertificatePem());
        await using var rig = new ShippingRig([sink.Url], c => c.CaFile = caFile);

        await rig.WriteLinesAsync(1, 10);
        await Eventually.TrueAsync(() => rig.Counters.Retries >= 3, "handshakes refused and retried");
        Assert.Empty(sink.Stored);
        Assert.Equal(0, sink.Requests);
    }

    private static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static X509Certificate2 IssueServerCertificate(X509Certificate2 ca, string host)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), RandomNumberGenerator.GetBytes(8));
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
    }
}
