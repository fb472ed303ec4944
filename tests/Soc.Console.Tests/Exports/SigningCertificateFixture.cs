using System.Security.Cryptography.X509Certificates;
using Soc.Console.Exports.Bundles;

namespace Soc.Console.Tests.Exports;

/// <summary>One signing certificate in a temporary data folder for a test class: RSA-3072 generation takes seconds.</summary>
public sealed class SigningCertificateFixture : IDisposable
{
    public SigningCertificateFixture()
    {
        DataDir = Directory.CreateTempSubdirectory("soc-bundle-").FullName;
        Certificate = SigningCertificates.LoadOrCreate(DataDir);
    }

    public string DataDir { get; }

    public X509Certificate2 Certificate { get; }

    public void Dispose()
    {
        Certificate.Dispose();
        Directory.Delete(DataDir, true);
    }
}
