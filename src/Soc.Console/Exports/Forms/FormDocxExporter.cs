using DocumentFormat.OpenXml.Wordprocessing;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Docx;

namespace Soc.Console.Exports.Forms;

/// <summary>A filled national form as an editable Word document, for the agency to complete, sign and seal.</summary>
public static class FormDocxExporter
{
    public static void Write(FormDocument form, ExportContext context, Stream output)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var template = form.Template;
        var agency = form.Agency;
        using var doc = new DocxWriter(output, template.Code + " — " + template.Title, context.GeneratedBy);
        doc.Paragraph(template.Code + "\n" + template.LegalBasis, bold: true, align: JustificationValues.Right, size: 20);
        doc.Columns(
            [
                (agency.ParentName?.ToUpperInvariant() ?? string.Empty) + "\n" + agency.Name.ToUpperInvariant() + "\nSố: " + (form.Number ?? "……/" + template.NumberSeries),
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n" + (agency.Locality is null ? string.Empty : agency.Locality + ", ") + ReportClock.Dateline(form.IssuedAt),
            ],
            [0.42, 0.58],
            size: 24,
            bold: true);
        doc.Paragraph(string.Empty);
        doc.Paragraph(template.Title, bold: true, align: JustificationValues.Center, size: 28);
        if (template.Addressee is not null)
        {
            doc.Paragraph(template.Addressee, align: JustificationValues.Center);
        }

        foreach (var section in template.Sections)
        {
            doc.Heading(section.Code + ". " + section.Title);
            var simple = new List<KeyValuePair<string, string>>();
            foreach (var field in section.Fields)
            {
                if (field.Kind != FormFieldKind.Table)
                {
                    simple.Add(new(FormText.Label(field), FormText.Display(field, form)));
                    continue;
                }

                if (simple.Count > 0)
                {
                    doc.KeyValues(simple, 0.38);
                    simple.Clear();
                }

                doc.Paragraph(FormText.Label(field), bold: true, size: 22);
                doc.Table(
                    [.. field.Columns.Select(c => c.Label)],
                    [.. field.Columns.Select(c => c.Width)],
                    form.Tables.TryGetValue(field.Code, out var rows) ? rows : []);
            }

            if (simple.Count > 0)
            {
                doc.KeyValues(simple, 0.38);
            }
        }

        foreach (var note in template.Notes)
        {
            doc.Paragraph(note, italic: true, size: 20);
        }

        doc.Paragraph(string.Empty);
        doc.Columns([template.SignatureLeft, template.SignatureRight], [0.45, 0.55], size: 24, bold: true);
    }
}
