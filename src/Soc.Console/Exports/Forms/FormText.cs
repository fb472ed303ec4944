namespace Soc.Console.Exports.Forms;

/// <summary>How a filled field reads on paper, the same in PDF and DOCX.</summary>
public static class FormText
{
    /// <summary>Printed where a value is missing, to be completed by hand.</summary>
    public const string Blank = "………………………………";

    /// <summary>
    /// Check boxes as ■ and □: unlike ☒ and ☐ they exist in DejaVu Serif (the forms' PDF face) and in
    /// Times New Roman (the DOCX face), so no viewer substitutes or drops them.
    /// </summary>
    public const string Checked = "■ ";

    public const string Unchecked = "□ ";

    public static string Label(FormField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Code + ". " + field.Label + (field.Required ? " (*)" : string.Empty);
    }

    public static string Display(FormField field, FormDocument document)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(document);
        var value = document.Value(field.Code);
        switch (field.Kind)
        {
            case FormFieldKind.YesNo:
                var yes = value.Trim().ToUpperInvariant() is "YES" or "CÓ" or "TRUE";
                var no = value.Trim().ToUpperInvariant() is "NO" or "KHÔNG" or "FALSE";
                return (yes ? Checked : Unchecked) + "Có      " + (no ? Checked : Unchecked) + "Không";
            case FormFieldKind.Choice:
            case FormFieldKind.Multi:
                var chosen = value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var lines = field.Options.Select(o => (chosen.Contains(o, StringComparer.Ordinal) ? Checked : Unchecked) + o).ToList();
                var other = chosen.Where(c => !field.Options.Contains(c, StringComparer.Ordinal)).ToList();
                lines.Add(other.Count == 0 ? Unchecked + "Khác: " + Blank : Checked + "Khác: " + string.Join("; ", other));
                return string.Join("\n", lines);
            default:
                return string.IsNullOrWhiteSpace(value) ? Blank : value;
        }
    }
}
