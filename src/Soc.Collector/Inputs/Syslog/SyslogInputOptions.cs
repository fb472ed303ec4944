using System.Net;
using Soc.Collector.Framing;

namespace Soc.Collector.Inputs.Syslog;

/// <summary>One syslog listener (an <c>inputs:</c> entry of type syslog).</summary>
public sealed class SyslogInputOptions
{
    /// <summary>Name in metrics and logs; defaults to <c>syslog_{transport}:{listen}</c>.</summary>
    public string? Name { get; set; }

    public SyslogTransport Transport { get; set; } = SyslogTransport.Tcp;

    /// <summary>
    /// <c>address:port</c>. <c>[::]:5514</c> listens on IPv6 and IPv4 (dual stack); <c>0.0.0.0:5514</c> on IPv4 only.
    /// Port 0 picks a free port (tests).
    /// </summary>
    public string Listen { get; set; } = "[::]:5514";

    /// <summary>Source type the center parses by: <c>syslog</c>, <c>cisco.asa</c>, ...</summary>
    public string SourceType { get; set; } = "syslog";

    /// <summary>IANA time zone for timestamps that carry none (RFC 3164).</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Longer messages keep their first bytes and are marked truncated (see <see cref="TruncationMark"/>).</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>TCP/TLS framing; <see cref="FramingMode.Detect"/> decides per connection from its first frame.</summary>
    public FramingMode Framing { get; set; } = FramingMode.Detect;

    /// <summary>TCP/TLS: further connections are closed at once and counted.</summary>
    public int MaxConnections { get; set; } = 1024;

    /// <summary>Socket receive buffer (SO_RCVBUF); 0 keeps the OS default. Larger values absorb UDP bursts.</summary>
    public int ReceiveBufferBytes { get; set; }

    /// <summary>TLS: server certificate, PEM (may hold the key and intermediates) or PKCS#12 (.pfx/.p12).</summary>
    public string? TlsCertificateFile { get; set; }

    /// <summary>TLS: PEM private key when it is not inside <see cref="TlsCertificateFile"/>.</summary>
    public string? TlsKeyFile { get; set; }

    /// <summary>TLS: password of a PKCS#12 file, or of an encrypted PEM private key.</summary>
    public string? TlsCertificatePassword { get; set; }

    /// <summary>TLS: when set, clients must present a certificate that chains to one of these PEM CA certificates.</summary>
    public string? TlsClientCaFile { get; set; }

    /// <summary>TLS: a client that has not finished the handshake by then is disconnected.</summary>
    public int TlsHandshakeTimeoutSeconds { get; set; } = 10;

    /// <summary>Every problem with these options, so a config check can report all of them at once.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var prefix = $"syslog input '{Name ?? Listen}': ";
        if (!IPEndPoint.TryParse(Listen ?? "", out var endpoint) || !(Listen ?? "").Contains(':', StringComparison.Ordinal))
        {
            errors.Add(prefix + $"listen '{Listen}' is not address:port (e.g. [::]:5514 or 0.0.0.0:514)");
        }
        else if (endpoint.Port is < 0 or > 65535)
        {
            errors.Add(prefix + $"port {endpoint.Port} is out of range");
        }

        if (string.IsNullOrWhiteSpace(SourceType))
        {
            errors.Add(prefix + "source_type is empty");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _))
        {
            errors.Add(prefix + $"time zone '{TimeZone}' is unknown");
        }

        if (MaxMessageBytes is < 256 or > 16 * 1024 * 1024)
        {
            errors.Add(prefix + "max_message_bytes must be between 256 and 16777216");
        }

        if (MaxConnections < 1)
        {
            errors.Add(prefix + "max_connections must be at least 1");
        }

        if (ReceiveBufferBytes < 0)
        {
            errors.Add(prefix + "receive_buffer_bytes must not be negative");
        }

        if (Transport == SyslogTransport.Tls)
        {
            if (string.IsNullOrWhiteSpace(TlsCertificateFile))
            {
                errors.Add(prefix + "tls needs tls_certificate_file");
            }

            foreach (var file in new[] { TlsCertificateFile, TlsKeyFile, TlsClientCaFile })
            {
                if (!string.IsNullOrWhiteSpace(file) && !File.Exists(file))
                {
                    errors.Add(prefix + $"file '{file}' does not exist");
                }
            }

            if (TlsHandshakeTimeoutSeconds < 1)
            {
                errors.Add(prefix + "tls_handshake_timeout_seconds must be at least 1");
            }
        }
        else if (TlsCertificateFile is not null || TlsClientCaFile is not null)
        {
            errors.Add(prefix + "tls_* settings need transport tls");
        }

        return errors;
    }

    internal string DisplayName => Name ?? $"syslog_{Transport.ToString().ToLowerInvariant()}:{Listen}";
}
