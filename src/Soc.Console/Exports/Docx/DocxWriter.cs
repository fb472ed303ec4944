using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Soc.Console.Exports.Docx;

/// <summary>
/// A minimal Word document builder over the OpenXml SDK: A4 with the margins of Vietnamese administrative
/// documents (Decree 30/2020: left 3 cm, others 2 cm), Times New Roman 13 pt, paragraphs and tables.
/// Agencies edit, sign and seal the result, so it uses plain styles only. Sizes are in half-points.
/// </summary>
public sealed partial class DocxWriter : IDisposable
{
    public const string Font = "Times New Roman";
    private readonly WordprocessingDocument _document;
    private readonly Body _body;

    public DocxWriter(Stream output, string title, string author)
    {
        _document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        _document.PackageProperties.Title = title;
        _document.PackageProperties.Creator = author;
        var main = _document.AddMainDocumentPart();
        _body = new Body();
        main.Document = new Document(_body);
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "26" },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "60", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));
    }

    public Paragraph Paragraph(string text, bool bold = false, bool italic = false, JustificationValues? align = null, int? size = null, string? color = null)
    {
        var paragraph = MakeParagraph(text, bold, italic, align, size, color);
        _body.AppendChild(paragraph);
        return paragraph;
    }

    public void Heading(string text)
    {
        var paragraph = MakeParagraph(text, bold: true, italic: false, align: null, size: 26, color: "1F3A5F");
        paragraph.ParagraphProperties!.PrependChild(new KeepNext());
        paragraph.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "200", After = "80" };
        _body.AppendChild(paragraph);
    }

    public void Dispose()
    {
        _body.AppendChild(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1134, Right = 1134U, Bottom = 1134, Left = 1701U, Header = 720U, Footer = 720U, Gutter = 0U }));
        _document.Dispose();
    }

    /// <summary>A paragraph whose lines ("\n") become line breaks inside one paragraph.</summary>
    internal static Paragraph MakeParagraph(string text, bool bold, bool italic, JustificationValues? align, int? size, string? color)
    {
        var properties = new ParagraphProperties();
        if (align is { } justification)
        {
            properties.Justification = new Justification { Val = justification };
        }

        var runProperties = new RunProperties();
        if (bold)
        {
            runProperties.Bold = new Bold();
        }

        if (italic)
        {
            runProperties.Italic = new Italic();
        }

        if (color is not null)
        {
            runProperties.Color = new Color { Val = color };
        }

        if (size is { } halfPoints)
        {
            runProperties.FontSize = new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }

        var run = new Run(runProperties);
        var first = true;
        foreach (var line in (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (!first)
            {
                run.AppendChild(new Break());
            }

            run.AppendChild(new Text(line) { Space = SpaceProcessingModeValues.Preserve });
            first = false;
        }

        return new Paragraph(properties, run);
    }
}
