using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Pdf;

namespace Soc.Console.Exports.Forms;

/// <summary>A filled national form as PDF, laid out like an administrative document (serif face).</summary>
public static class FormPdfExporter
{
    public static void Write(FormDocument form, ExportContext context, Stream output)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var template = form.Template;
        var footer = $"{template.Code} ({template.Id} v{template.Version}) · Soc · lập lúc {ReportClock.Local(context.GeneratedAt)} bởi {context.GeneratedBy}";
        using var pdf = new PdfLayout(template.Title, context.GeneratedBy, footer, PdfFonts.Serif);
        pdf.Text(template.Code, pdf.Bold, XParagraphAlignment.Right);
        pdf.Text(template.LegalBasis, pdf.Small, XParagraphAlignment.Right, XColors.DimGray);
        pdf.Space(6);
        var agency = form.Agency;
        pdf.Columns(
            [
                [(agency.ParentName?.ToUpperInvariant() ?? string.Empty, pdf.Body), (agency.Name.ToUpperInvariant(), pdf.Bold), ("Số: " + (form.Number ?? "……/" + template.NumberSeries), pdf.Body)],
                [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", pdf.Bold), ("Độc lập - Tự do - Hạnh phúc", pdf.Bold), ((agency.Locality is null ? string.Empty : agency.Locality + ", ") + ReportClock.Dateline(form.IssuedAt), pdf.Body)],
            ],
            [0.42, 0.58]);
        pdf.Space(14);
        pdf.Text(template.Title, pdf.TitleFont, XParagraphAlignment.Center);
        if (template.Addressee is not null)
        {
            pdf.Text(template.Addressee, pdf.Body, XParagraphAlignment.Center);
        }

        foreach (var section in template.Sections)
        {
            pdf.Heading(section.Code + ". " + section.Title);
            var simple = new List<KeyValuePair<string, string>>();
            foreach (var field in section.Fields)
            {
                if (field.Kind != FormFieldKind.Table)
                {
                    simple.Add(new(FormText.Label(field), FormText.Display(field, form)));
                    continue;
                }

                pdf.KeyValues(simple, 190);
                simple.Clear();
                pdf.Text(FormText.Label(field), pdf.SmallBold);
                pdf.Table(
                    [.. field.Columns.Select(c => c.Label)],
                    [.. field.Columns.Select(c => c.Width)],
                    form.Tables.TryGetValue(field.Code, out var rows) ? rows : []);
            }

            pdf.KeyValues(simple, 190);
        }

        foreach (var note in template.Notes)
        {
            pdf.Text(note, pdf.Small, XParagraphAlignment.Left, XColors.DimGray);
        }

        pdf.Space(12);
        pdf.Columns(
            [[(template.SignatureLeft, pdf.Bold)], [(template.SignatureRight, pdf.Bold), ("\n\n\n\n", pdf.Body)]],
            [0.45, 0.55]);
        pdf.Save(output);
    }
}
