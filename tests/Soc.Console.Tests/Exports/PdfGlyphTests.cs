using System.Diagnostics;
using Soc.Console.Exports.Pdf;

namespace Soc.Console.Tests.Exports;

/// <summary>
/// Text extraction reads the PDF's text layer, not the glyphs printed: a font subset that lost an accent
/// still extracts as "cố". These tests rasterise with poppler's pdftoppm and compare what is drawn.
/// </summary>
public sealed class PdfGlyphTests
{
    [Theory]
    [InlineData("Sự cố", "Sự co")]
    [InlineData("Truyền thông", "Truyen thông")]
    [InlineData("đóng dấu hoặc ký số", "đóng dau hoặc ký so")]
    public void StackedVietnameseAccentsAreDrawn(string withAccents, string without)
    {
        Assert.NotEqual(Render(without), Render(withAccents));
    }

    private static byte[] Render(string text)
    {
        using var layout = new PdfLayout("t", "t", "footer");
        layout.Paragraph(text);
        var folder = Directory.CreateTempSubdirectory("soc-glyph-").FullName;
        try
        {
            var pdf = Path.Combine(folder, "a.pdf");
            using (var file = File.Create(pdf))
            {
                layout.Save(file);
            }

            var start = new ProcessStartInfo("pdftoppm", ["-png", "-r", "150", "-f", "1", "-l", "1", "-x", "80", "-y", "80", "-W", "500", "-H", "60", pdf, Path.Combine(folder, "p")]) { RedirectStandardError = true };
            using var process = Process.Start(start)!;
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return File.ReadAllBytes(Directory.GetFiles(folder, "p*.png").Single());
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
