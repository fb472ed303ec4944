using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Soc.Console.Exports.Bundles;

/// <summary>
/// The center's report-signing certificate. A configured PKCS#12 file wins (an agency CA or a
/// government-issued certificate); otherwise a self-signed RSA-3072 certificate is created on first use in
/// &lt;data&gt;/keys/report-signing.pfx (owner-only permissions, no password: the file mode protects it, as for
/// the center's other keys) with its public part beside it as report-signing.cer for auditors to pin.
/// </summary>
public static class SigningCertificates
{
    public const string FileName = "report-signing.pfx";
    public const string PublicFileName = "report-signing.cer";

    public static string DefaultPath(string dataDir) => Path.Combine(dataDir, "keys", FileName);

    public static X509Certificate2 LoadOrCreate(string dataDir, string? configuredPath = null, string? password = null, TimeProvider? clock = null)
    {
        if (configuredPath is not null)
        {
            return X509CertificateLoader.LoadPkcs12FromFile(configuredPath, password);
        }

        var path = DefaultPath(dataDir);
        if (!File.Exists(path))
        {
            Create(path, (clock ?? TimeProvider.System).GetUtcNow());
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, null);
    }

    private static void Create(string path, DateTimeOffset now)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        using var key = RSA.Create(3072);
        var request = new CertificateRequest("CN=Soc center report signing, O=Soc", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
        var temp = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temp, options))
        {
            file.Write(certificate.Export(X509ContentType.Pkcs12));
        }

        try
        {
            // Two processes creating at once: the first rename wins and both load that one.
            File.Move(temp, path, overwrite: false);
            File.WriteAllBytes(Path.Combine(folder, PublicFileName), certificate.Export(X509ContentType.Cert));
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
    }
}
