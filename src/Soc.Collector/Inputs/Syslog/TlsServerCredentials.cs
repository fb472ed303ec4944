using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Soc.Collector.Inputs.Syslog;

/// <summary>The server certificate (with its intermediates) and the optional client CA of a TLS listener, loaded once.</summary>
internal sealed class TlsServerCredentials(SslStreamCertificateContext certificate, X509Certificate2Collection? clientCas)
{
    public static TlsServerCredentials Load(SyslogInputOptions options)
    {
        var path = options.TlsCertificateFile ?? throw new InvalidOperationException("tls_certificate_file is not set");
        X509Certificate2 leaf;
        var intermediates = new X509Certificate2Collection();
        if (path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase))
        {
            var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, options.TlsCertificatePassword);
            leaf = all.First(c => c.HasPrivateKey);
            intermediates.AddRange(all.Where(c => !ReferenceEquals(c, leaf)).ToArray());
        }
        else
        {
            leaf = string.IsNullOrEmpty(options.TlsCertificatePassword)
                ? X509Certificate2.CreateFromPemFile(path, options.TlsKeyFile)
                : X509Certificate2.CreateFromEncryptedPemFile(path, options.TlsCertificatePassword, options.TlsKeyFile);
            var chain = new X509Certificate2Collection();
            chain.ImportFromPemFile(path);
            intermediates.AddRange(chain.Where(c => c.Thumbprint != leaf.Thumbprint).ToArray());
        }

        X509Certificate2Collection? cas = null;
        if (!string.IsNullOrWhiteSpace(options.TlsClientCaFile))
        {
            cas = [];
            cas.ImportFromPemFile(options.TlsClientCaFile);
        }

        return new TlsServerCredentials(SslStreamCertificateContext.Create(leaf, intermediates, offline: true), cas);
    }

    public SslServerAuthenticationOptions CreateOptions() => new()
    {
        ServerCertificateContext = certificate,
        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        ClientCertificateRequired = clientCas is not null,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        RemoteCertificateValidationCallback = clientCas is null ? null : ValidateClient,
    };

    // The client must chain to one of the configured CAs only; the machine's trust store does not count.
    private bool ValidateClient(object sender, X509Certificate? presented, X509Chain? unused, SslPolicyErrors errors)
    {
        if (presented is null || clientCas is null)
        {
            return false;
        }

        using var cert = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(clientCas);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(cert);
    }
}
