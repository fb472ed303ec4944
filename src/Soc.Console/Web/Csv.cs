using System.Text;

namespace Soc.Console.Web;

/// <summary>RFC 4180 CSV with formula injection defused: a cell that a spreadsheet would run (=, +, -, @) gets a leading quote.</summary>
public static class Csv
{
    public static string Line(params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            var cell = cells[i] ?? "";
            if (cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal))
            {
                cell = "'" + cell;
            }

            line.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        return line.Append("\r\n").ToString();
    }

    /// <summary>UTF-8 with a byte-order mark, so spreadsheet programs read Vietnamese correctly.</summary>
    public static byte[] Encode(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
}
