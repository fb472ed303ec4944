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
    [InlineData("Sự cố", "Sự co", PdfFonts.Sans)]
    [InlineData("Truyền thông", "Truyen thông", PdfFonts.Sans)]
    [InlineData("đóng dấu hoặc ký số", "đóng dau hoặc ký so", PdfFonts.Sans)]
    [InlineData("Sự cố Truyền thông", "Sự co Truyen thông", PdfFonts.Serif)]
    public void StackedVietnameseAccentsAreDrawn(string withAccents, string without, string family)
    {
        Assert.NotEqual(Render(without, family), Render(withAccents, family));
    }

    [Fact]
    public void FormCheckBoxesAreRealGlyphsInTheFormFace()
    {
        // A glyph missing from the font prints as the same empty box whatever the character: checked and
        // unchecked would then look alike.
        Assert.NotEqual(Render(Soc.Console.Exports.Forms.FormText.Checked + "Có", PdfFonts.Serif), Render(Soc.Console.Exports.Forms.FormText.Unchecked + "Có", PdfFonts.Serif));
        // The check itself can see the problem: DejaVu Serif has no ☒/☐, and both print alike.
        Assert.Equal(Render("\u2612 Có", PdfFonts.Serif), Render("\u2610 Có", PdfFonts.Serif));
    }

    private static byte[] Render(string text, string family)
    {
        using var layout = new PdfLayout("t", "t", "footer", family);
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
