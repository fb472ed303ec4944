using System.Diagnostics;

namespace Soc.Console.Tests.Exports;

/// <summary>Extracts a PDF's text with poppler-utils' pdftotext (Debian package poppler-utils), as a reader would see it.</summary>
public static class PdfText
{
    public static string Extract(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), "soc-pdf-" + Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start (apt-get install poppler-utils)");
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "pdftotext failed: " + process.StandardError.ReadToEnd());
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
