using System.Text;

namespace Soc.Detection.Evaluation;

/// <summary>
/// Reads HttpParamsDataset's CSV files (<c>"payload","length","attack_type","label"</c>): RFC 4180 quoting, where a
/// quoted field may hold commas, doubled quotes and line breaks.
/// </summary>
public static class PayloadCsv
{
    /// <summary>(payload, attack_type) pairs in file order; the header row is skipped.</summary>
    public static IReadOnlyList<(string Payload, string AttackType)> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rows = new List<(string, string)>();
        var text = File.ReadAllText(path);
        var fields = new List<string>(4);
        var field = new StringBuilder();
        var quoted = false;
        var header = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRow(fields, field, rows, ref header);
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        EndRow(fields, field, rows, ref header);
        return rows;
    }

    private static void EndRow(List<string> fields, StringBuilder field, List<(string, string)> rows, ref bool header)
    {
        fields.Add(field.ToString());
        field.Clear();
        if (fields.Count >= 3 && !header)
        {
            rows.Add((fields[0], fields[2]));
        }
        else if (fields.Count >= 3)
        {
            header = false;
        }

        fields.Clear();
    }
}
