using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Soc.Collector.Inputs.Syslog;
using Soc.Collector.Tests.Support;

namespace Soc.Collector.Tests.Inputs.Syslog;

public sealed class TcpSyslogInputTlsTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();
    private readonly X509Certificate2 _server = TestCertificates.CreateSelfSignedServer();

    [Theory]
    [InlineData(SslProtocols.Tls12, "pem")]
    [InlineData(SslProtocols.Tls13, "pem")]
    [InlineData(SslProtocols.Tls13, "pfx")]
    [InlineData(SslProtocols.Tls13, "encrypted-pem")]
    public async Task ReceivesOctetCountedAndNewlineMessagesOverTls(SslProtocols protocol, string format)
    {
        var options = TlsOptions("[::]:0");
        if (format == "pfx")
        {
            options.TlsCertificateFile = _dir.File("server.pfx");
            options.TlsKeyFile = null;
            options.TlsCertificatePassword = "secret";
            File.WriteAllBytes(options.TlsCertificateFile, _server.Export(X509ContentType.Pkcs12, "secret"));
        }
        else if (format == "encrypted-pem")
        {
            options.TlsKeyFile = _dir.File("server.enc.key");
            options.TlsCertificatePassword = "secret";
            using var key = _server.GetECDsaPrivateKey()!;
            var pbe = new System.Security.Cryptography.PbeParameters(
                System.Security.Cryptography.PbeEncryptionAlgorithm.Aes256Cbc, System.Security.Cryptography.HashAlgorithmName.SHA256, 100_000);
            File.WriteAllText(options.TlsKeyFile, key.ExportEncryptedPkcs8PrivateKeyPem("secret", pbe));
        }

        Assert.Empty(options.Validate());
        var writer = new InMemoryRecordWriter();
        var input = new TcpSyslogInput(options, "h");
        await using var run = new RunningInput(input, writer);
        var port = (await input.Bound).Port;

        await SendTlsAsync(IPAddress.IPv6Loopback, port, protocol, null, "17 <13>1 - - - - - a17 <13>1 - - - - - b");
        await SendTlsAsync(IPAddress.Loopback, port, protocol, null, "<13>plain line\n");

        var records = await writer.WaitForAsync(3);
        Assert.Equal(["<13>1 - - - - - a", "<13>1 - - - - - b", "<13>plain line"], records.Select(r => r.Message));
        Assert.Equal(["::1", "::1", "127.0.0.1"], records.Select(r => r.Peer));
        Assert.All(records, r => Assert.Equal($"tls://[::]:{port}", r.Source));
    }

    [Fact]
    public async Task AcceptsOnlyClientsWithACertificateFromTheConfiguredCa()
    {
        using var ca = TestCertificates.CreateCa("Soc Test CA");
        using var otherCa = TestCertificates.CreateCa("Other CA");
        using var good = TestCertificates.CreateClient(ca, "router-1");
        using var stranger = TestCertificates.CreateClient(otherCa, "stranger");
        var caFile = _dir.File("ca.pem");
        File.WriteAllText(caFile, ca.ExportCertificatePem());
        var options = TlsOptions("127.0.0.1:0");
        options.TlsClientCaFile = caFile;
        var writer = new InMemoryRecordWriter();
        var input = new TcpSyslogInput(options, "h");
        await using var run = new RunningInput(input, writer);
        var port = (await input.Bound).Port;

        await TrySendTlsAsync(port, null, "<13>no certificate\n");
        await TrySendTlsAsync(port, stranger, "<13>wrong ca\n");
        await SendTlsAsync(IPAddress.Loopback, port, SslProtocols.Tls13, good, "<13>trusted\n");

        await writer.WaitForAsync(1);
        await WaitUntilAsync(() => input.Stats.HandshakeFailures >= 2);
        Assert.Equal("<13>trusted", Assert.Single(writer.Records).Message);
        Assert.Equal(2, input.Stats.HandshakeFailures);
    }

    [Fact]
    public async Task PlainTcpOnTheTlsPortIsCountedNotShipped()
    {
        var options = TlsOptions("127.0.0.1:0");
        var writer = new InMemoryRecordWriter();
        var input = new TcpSyslogInput(options, "h");
        await using var run = new RunningInput(input, writer);
        var port = (await input.Bound).Port;

        await TcpSyslogInputTests.SendRawAsync(IPAddress.Loopback, port, "<13>not tls at all\n");
        await WaitUntilAsync(() => input.Stats.HandshakeFailures == 1);
        await SendTlsAsync(IPAddress.Loopback, port, SslProtocols.Tls12, null, "<13>tls\n");

        Assert.Equal("<13>tls", Assert.Single(await writer.WaitForAsync(1)).Message);
    }

    public void Dispose()
    {
        _server.Dispose();
        _dir.Dispose();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }

    private SyslogInputOptions TlsOptions(string listen)
    {
        var (cert, key) = TestCertificates.WritePem(_server, _dir.Path);
        return new SyslogInputOptions { Transport = SyslogTransport.Tls, Listen = listen, TlsCertificateFile = cert, TlsKeyFile = key };
    }

    private async Task TrySendTlsAsync(int port, X509Certificate2? clientCertificate, string text)
    {
        try
        {
            await SendTlsAsync(IPAddress.Loopback, port, SslProtocols.Tls13, clientCertificate, text);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            // Expected: the server refuses the handshake (TLS 1.3 may only tell the client on its next read).
        }
    }

    private async Task SendTlsAsync(IPAddress address, int port, SslProtocols protocol, X509Certificate2? clientCertificate, string text)
    {
        using var client = new TcpClient(address.AddressFamily);
        await client.ConnectAsync(address, port);
        await using var ssl = new SslStream(client.GetStream(), false);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            EnabledSslProtocols = protocol,
            ClientCertificates = clientCertificate is null ? null : [clientCertificate],
            // The test trusts exactly the certificate it made, not the machine's store.
            RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == _server.GetCertHashString(),
        });
        await ssl.WriteAsync(Encoding.UTF8.GetBytes(text));
        await ssl.FlushAsync();
        await ssl.ShutdownAsync();
        // Wait for the server's close so a rejected client certificate (TLS 1.3: reported after the handshake) surfaces here.
        var buffer = new byte[16];
        _ = await ssl.ReadAsync(buffer);
    }
}
