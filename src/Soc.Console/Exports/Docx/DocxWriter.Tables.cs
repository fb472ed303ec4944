using DocumentFormat.OpenXml.Wordprocessing;

namespace Soc.Console.Exports.Docx;

/// <summary>Tables: bordered data tables and the borderless two-column header of administrative documents.</summary>
public sealed partial class DocxWriter
{
    /// <summary>Text width of the page in twentieths of a point: A4 (11906) minus 3 cm and 2 cm margins.</summary>
    public const int TextWidth = 11906 - 1701 - 1134;

    public void KeyValues(IEnumerable<KeyValuePair<string, string>> rows, double labelShare = 0.3)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = NewTable([labelShare, 1 - labelShare], borders: true);
        foreach (var row in rows)
        {
            table.AppendChild(Row([row.Key, row.Value], [labelShare, 1 - labelShare], size: 24, boldFirst: true, shadeFirst: true));
        }

        _body.AppendChild(table);
        _body.AppendChild(new Paragraph());
    }

    public void Table(IReadOnlyList<string> headers, IReadOnlyList<double> relativeWidths, IEnumerable<IReadOnlyList<string>> rows, int size = 20)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(relativeWidths);
        ArgumentNullException.ThrowIfNull(rows);
        var total = relativeWidths.Sum();
        var shares = relativeWidths.Select(w => w / total).ToArray();
        var table = NewTable(shares, borders: true);
        var header = Row(headers, shares, size, boldAll: true, shadeAll: true);
        header.PrependChild(new TableRowProperties(new TableHeader()));
        table.AppendChild(header);
        foreach (var row in rows)
        {
            table.AppendChild(Row(row, shares, size));
        }

        _body.AppendChild(table);
        _body.AppendChild(new Paragraph());
    }

    /// <summary>Borderless columns, centred text: the agency / national motto header and the signature block.</summary>
    public void Columns(IReadOnlyList<string> cells, IReadOnlyList<double> shares, int size = 26, bool bold = false)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(shares);
        var table = NewTable(shares, borders: false);
        table.AppendChild(Row(cells, shares, size, boldAll: bold, center: true));
        _body.AppendChild(table);
    }

    private static Table NewTable(IReadOnlyList<double> shares, bool borders)
    {
        var properties = new TableProperties(
            new TableWidth { Width = TextWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (borders)
        {
            properties.AppendChild(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "8896A8" },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "8896A8" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "8896A8" },
                new RightBorder { Val = BorderValues.Single, Size = 4, Color = "8896A8" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "8896A8" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "8896A8" }));
        }

        properties.AppendChild(new TableLayout { Type = TableLayoutValues.Fixed });
        var grid = new TableGrid();
        foreach (var share in shares)
        {
            grid.AppendChild(new GridColumn { Width = Twips(share) });
        }

        return new Table(properties, grid);
    }

    private static TableRow Row(IReadOnlyList<string> cells, IReadOnlyList<double> shares, int size, bool boldFirst = false, bool shadeFirst = false, bool boldAll = false, bool shadeAll = false, bool center = false)
    {
        var row = new TableRow();
        for (var i = 0; i < cells.Count; i++)
        {
            var properties = new TableCellProperties(new TableCellWidth { Width = Twips(shares[i]), Type = TableWidthUnitValues.Dxa });
            if (shadeAll || (shadeFirst && i == 0))
            {
                properties.AppendChild(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E9EEF4" });
            }

            var paragraph = MakeParagraph(cells[i] ?? string.Empty, boldAll || (boldFirst && i == 0), false, center ? JustificationValues.Center : null, size, null);
            row.AppendChild(new TableCell(properties, paragraph));
        }

        return row;
    }

    private static string Twips(double share) => ((int)(share * TextWidth)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
