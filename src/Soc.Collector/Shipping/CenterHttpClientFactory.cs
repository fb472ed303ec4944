using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Soc.Collector.Configuration;

namespace Soc.Collector.Shipping;

/// <summary>
/// The HttpClient that talks to the center: connect and request timeouts from config, and, when
/// <see cref="CenterOptions.CaFile"/> is set, a certificate check that trusts exactly that CA (the provincial PKI)
/// instead of the system store. Host name checks always apply. Revocation is not checked: the provincial CA
/// publishes no CRL/OCSP reachable from agencies (say so in docs if that changes).
/// </summary>
public static class CenterHttpClientFactory
{
    public static HttpClient Create(CenterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(options.ConnectTimeoutSeconds),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        };
        if (options.CaFile is { Length: > 0 } caFile)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(caFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                Validate(roots, certificate, chain, errors);
        }

        return new HttpClient(handler, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds) };
    }

    internal static bool Validate(X509Certificate2Collection roots, X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }
}
