using System.Text;
using Soc.Detection.Tests.Support;

namespace Soc.Detection.Tests.Parsing;

/// <summary>Reads loghub's structured CSV files (RFC 4180 quoting) as header-keyed rows.</summary>
public static class CsvFile
{
    public static IReadOnlyList<Dictionary<string, string>> Read(params string[] path)
    {
        var lines = File.ReadAllLines(RepoPaths.CorpusFile(path));
        var header = Split(lines[0]);
        var rows = new List<Dictionary<string, string>>(lines.Length);
        foreach (var line in lines.Skip(1))
        {
            var cells = Split(line);
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count && i < cells.Count; i++)
            {
                row[header[i]] = cells[i];
            }

            rows.Add(row);
        }

        return rows;
    }

    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
