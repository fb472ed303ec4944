using PdfSharp;

namespace Soc.Console.Exports.Pdf;

/// <summary>
/// PDFsharp 6.5 refuses to work until the program selects its licence: the free AGPL-3.0 licence or a
/// commercial key (docs.pdfsharp.net, "License loading"). This is the one place that selects it.
/// DECISION PENDING (docs/reports.md, "PDFsharp licence"): without a key, Soc selects AGPL, which binds the
/// center — a network service — to AGPL terms. A commercial key in SOC_PDFSHARP_LICENSE_KEY replaces it.
/// </summary>
public static class PdfLicense
{
    public const string KeyVariable = "SOC_PDFSHARP_LICENSE_KEY";

    private static readonly Lock Gate = new();
    private static bool _applied;

    public static void Apply()
    {
        lock (Gate)
        {
            if (_applied)
            {
                return;
            }

            var key = Environment.GetEnvironmentVariable(KeyVariable);
            if (string.IsNullOrWhiteSpace(key))
            {
                PdfSharpLicense.SetAgplLicense();
            }
            else
            {
                PdfSharpLicense.LoadLicense(key);
            }

            _applied = true;
        }
    }
}
