using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace Soc.Console.Exports.Pdf;

/// <summary>
/// A small flowing layout over PDFsharp: headings, wrapped paragraphs, label/value grids and tables
/// that break across A4 pages (repeating the header row), and a footer with "Trang x/y" added at the end.
/// Units are PDF points (1/72 inch).
/// </summary>
public sealed partial class PdfLayout : IDisposable
{
    public const double Margin = 48;
    private const double FooterHeight = 24;
    private const double CellPadding = 3;

    private readonly PdfDocument _document;
    private readonly string _footer;
    private XGraphics? _graphics;
    private PdfPage? _page;
    private double _y;

    public PdfLayout(string title, string author, string footer, string family = PdfFonts.Sans)
    {
        // Fonts and licence first: PDFsharp checks the licence when a document is created.
        PdfFonts.EnsureRegistered();
        _document = new PdfDocument();
        _footer = footer;
        _document.Info.Title = title;
        _document.Info.Author = author;
        _document.Info.Creator = "Soc";
        // Complete font files, not subsets: PDFsharp 6.5's subsetter drops the accent parts of DejaVu's composite glyphs
        // (regular "ố" printed as "o"), which would misprint Vietnamese. Costs about 0.7 MB per face used.
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);
        Body = new XFont(family, 9, XFontStyleEx.Regular, options);
        Bold = new XFont(family, 9, XFontStyleEx.Bold, options);
        Small = new XFont(family, 7.5, XFontStyleEx.Regular, options);
        SmallBold = new XFont(family, 7.5, XFontStyleEx.Bold, options);
        MonoSmall = new XFont(PdfFonts.Mono, 7, XFontStyleEx.Regular, options);
        HeadingFont = new XFont(family, 11.5, XFontStyleEx.Bold, options);
        TitleFont = new XFont(family, 15, XFontStyleEx.Bold, options);
        NewPage();
    }

    public static XColor Accent { get; } = XColor.FromArgb(0x1F, 0x3A, 0x5F);

    public static XColor Shade { get; } = XColor.FromArgb(0xE9, 0xEE, 0xF4);

    public static XColor Rule { get; } = XColor.FromArgb(0xB8, 0xC2, 0xCE);

    public XFont Body { get; }

    public XFont Bold { get; }

    public XFont Small { get; }

    public XFont SmallBold { get; }

    public XFont MonoSmall { get; }

    public XFont HeadingFont { get; }

    public XFont TitleFont { get; }

    public double Width => _page!.Width.Point - (2 * Margin);

    private double Bottom => _page!.Height.Point - Margin - FooterHeight;

    private XGraphics G => _graphics!;

    public void Space(double points) => _y += points;

    /// <summary>Starts a new page unless <paramref name="points"/> still fit on this one.</summary>
    public void KeepTogether(double points)
    {
        if (_y + points > Bottom)
        {
            NewPage();
        }
    }

    public void Text(string text, XFont font, XParagraphAlignment align = XParagraphAlignment.Left, XColor? color = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in Wrap(text, font, Width))
        {
            KeepTogether(LineHeight(font));
            var x = align switch
            {
                XParagraphAlignment.Center => Margin + ((Width - G.MeasureString(line, font).Width) / 2),
                XParagraphAlignment.Right => Margin + Width - G.MeasureString(line, font).Width,
                _ => Margin,
            };
            G.DrawString(line, font, new XSolidBrush(color ?? XColors.Black), x, _y + font.Size);
            _y += LineHeight(font);
        }
    }

    public void Paragraph(string text) => Text(text, Body);

    public void Heading(string text)
    {
        KeepTogether(60);
        _y += 8;
        G.DrawString(text, HeadingFont, new XSolidBrush(Accent), Margin, _y + HeadingFont.Size);
        _y += LineHeight(HeadingFont) + 1;
        G.DrawLine(new XPen(Accent, 0.8), Margin, _y, Margin + Width, _y);
        _y += 5;
    }

    /// <summary>Draws a horizontal rule across the text width.</summary>
    public void Line()
    {
        G.DrawLine(new XPen(Rule, 0.5), Margin, _y, Margin + Width, _y);
        _y += 4;
    }

    /// <summary>Adds the "Trang x/y" footers and writes the document.</summary>
    public void Save(Stream output)
    {
        _graphics?.Dispose();
        _graphics = null;
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = _document.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Margin + 4;
            g.DrawLine(new XPen(Rule, 0.5), Margin, y - 10, page.Width.Point - Margin, y - 10);
            g.DrawString(_footer, Small, XBrushes.DimGray, Margin, y);
            var number = $"Trang {i + 1}/{count}";
            var width = g.MeasureString(number, Small).Width;
            g.DrawString(number, Small, XBrushes.DimGray, page.Width.Point - Margin - width, y);
        }

        _document.Save(output, false);
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _document.Dispose();
    }

    private static double LineHeight(XFont font) => font.Size * 1.32;

    private void NewPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }
}
