using PdfSharp.Drawing;

namespace Soc.Console.Exports.Pdf;

/// <summary>Grids and tables: rows wrap their cells, break across pages and repeat the header row.</summary>
public sealed partial class PdfLayout
{
    /// <summary>A two-column label/value grid.</summary>
    public void KeyValues(IEnumerable<KeyValuePair<string, string>> rows, double labelWidth = 150)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var widths = new[] { labelWidth, Width - labelWidth };
        foreach (var row in rows)
        {
            DrawRow([row.Key, row.Value], widths, [SmallBold, Body], Shade, null);
        }

        _y += 4;
    }

    /// <summary>
    /// A table with relative column widths; <paramref name="monoColumns"/> are printed in the monospaced face
    /// (hashes, raw log lines) and broken anywhere when a token is too long.
    /// </summary>
    public void Table(IReadOnlyList<string> headers, IReadOnlyList<double> relativeWidths, IEnumerable<IReadOnlyList<string>> rows, ISet<int>? monoColumns = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(relativeWidths);
        ArgumentNullException.ThrowIfNull(rows);
        var total = relativeWidths.Sum();
        var widths = relativeWidths.Select(w => w / total * Width).ToArray();
        var headerFonts = headers.Select(_ => SmallBold).ToArray();
        var fonts = headers.Select((_, i) => monoColumns?.Contains(i) == true ? MonoSmall : Small).ToArray();
        DrawRow(headers, widths, headerFonts, Shade, Shade);
        foreach (var row in rows)
        {
            if (DrawRow(row, widths, fonts, null, null, breakOnly: true))
            {
                DrawRow(headers, widths, headerFonts, Shade, Shade);
            }

            DrawRow(row, widths, fonts, null, null);
        }

        _y += 6;
    }

    /// <summary>Borderless side-by-side columns of centred lines: the header and signature blocks of a document.</summary>
    public void Columns(IReadOnlyList<IReadOnlyList<(string Text, XFont Font)>> columns, IReadOnlyList<double> shares)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(shares);
        var laid = columns.Select((column, i) => column
            .SelectMany(line => Wrap(line.Text, line.Font, (shares[i] * Width) - 4).Select(text => (Text: text, line.Font)))
            .ToList()).ToList();
        var height = laid.Max(column => column.Sum(line => LineHeight(line.Font)));
        KeepTogether(height);
        var x = Margin;
        for (var i = 0; i < laid.Count; i++)
        {
            var width = shares[i] * Width;
            var y = _y;
            foreach (var (text, font) in laid[i])
            {
                var textWidth = G.MeasureString(text, font).Width;
                G.DrawString(text, font, XBrushes.Black, x + ((width - textWidth) / 2), y + font.Size);
                y += LineHeight(font);
            }

            x += width;
        }

        _y += height;
    }

    /// <summary>
    /// Draws one row, or with <paramref name="breakOnly"/> only starts a new page when the row does not fit
    /// and answers whether it did (so the caller can repeat the header row).
    /// </summary>
    private bool DrawRow(IReadOnlyList<string> cells, double[] widths, XFont[] fonts, XColor? firstCellFill, XColor? rowFill, bool breakOnly = false)
    {
        var lines = new List<string>[cells.Count];
        var height = 0.0;
        var pageRoom = _page!.Height.Point - (2 * Margin) - FooterHeight - (2 * CellPadding) - 20;
        for (var i = 0; i < cells.Count; i++)
        {
            lines[i] = Wrap(cells[i] ?? string.Empty, fonts[i], widths[i] - (2 * CellPadding));
            // A row never grows past one page: a longer cell is cut, and says where the full text is.
            var maxLines = (int)(pageRoom / LineHeight(fonts[i]));
            if (lines[i].Count > maxLines)
            {
                lines[i] = [.. lines[i].Take(maxLines - 1), "… (cắt bớt; toàn văn trong bản JSON)"];
            }

            height = Math.Max(height, (lines[i].Count * LineHeight(fonts[i])) + (2 * CellPadding));
        }

        if (breakOnly)
        {
            // A row taller than a page is drawn anyway and overflows into the footer area: log lines are capped before.
            if (_y + height > Bottom && _y > Margin + 1)
            {
                NewPage();
                return true;
            }

            return false;
        }

        KeepTogether(height);
        var x = Margin;
        var pen = new XPen(Rule, 0.5);
        for (var i = 0; i < cells.Count; i++)
        {
            var fill = rowFill ?? (i == 0 ? firstCellFill : null);
            if (fill is { } color)
            {
                G.DrawRectangle(new XSolidBrush(color), x, _y, widths[i], height);
            }

            G.DrawRectangle(pen, x, _y, widths[i], height);
            var y = _y + CellPadding;
            foreach (var line in lines[i])
            {
                G.DrawString(line, fonts[i], XBrushes.Black, x + CellPadding, y + fonts[i].Size);
                y += LineHeight(fonts[i]);
            }

            x += widths[i];
        }

        _y += height;
        return false;
    }

    /// <summary>Greedy word wrap; a word wider than the line is cut between characters.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var result = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (G.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    result.Add(line);
                }

                line = word;
                while (line.Length > 1 && G.MeasureString(line, font).Width > width)
                {
                    // Start from the proportional estimate: long log lines would otherwise cost one measurement per character.
                    var cut = Math.Clamp((int)(line.Length * width / G.MeasureString(line, font).Width), 1, line.Length - 1);
                    while (cut > 1 && G.MeasureString(line[..cut], font).Width > width)
                    {
                        cut--;
                    }

                    result.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            result.Add(line);
        }

        return result;
    }
}
