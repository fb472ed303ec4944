using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Model;
using Soc.Console.Exports.Pdf;

namespace Soc.Console.Exports.Incident;

/// <summary>The incident report as PDF: what an auditor prints, reads and signs.</summary>
public static class IncidentPdfExporter
{
    public static void Write(IncidentReportData data, ExportContext context, Stream output)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var footer = $"Soc · Sự cố {data.Id} · Lập lúc {ReportClock.Local(context.GeneratedAt)} bởi {context.GeneratedBy}";
        using var pdf = new PdfLayout("Báo cáo sự cố " + data.Id, context.GeneratedBy, footer);

        pdf.Text(data.Agency.ParentName?.ToUpperInvariant() ?? string.Empty, pdf.Small, XParagraphAlignment.Left, PdfLayout.Accent);
        pdf.Text(data.Agency.Name.ToUpperInvariant(), pdf.SmallBold, XParagraphAlignment.Left, PdfLayout.Accent);
        pdf.Space(10);
        pdf.Text("BÁO CÁO SỰ CỐ AN TOÀN THÔNG TIN MẠNG", pdf.TitleFont, XParagraphAlignment.Center, PdfLayout.Accent);
        pdf.Text("Incident report · " + data.Id + " · " + data.Title, pdf.Body, XParagraphAlignment.Center);
        pdf.Text("Giờ in theo Asia/Ho_Chi_Minh (UTC+07:00), kèm giờ UTC", pdf.Small, XParagraphAlignment.Center, XColors.DimGray);
        pdf.Space(6);

        pdf.Heading("1. Thông tin chung");
        pdf.KeyValues(IncidentFacts.General(data));

        pdf.Heading("2. Mốc thời gian");
        pdf.KeyValues(IncidentFacts.Times(data));

        if (!string.IsNullOrWhiteSpace(data.Summary))
        {
            pdf.Heading("3. Mô tả");
            pdf.Paragraph(data.Summary);
        }

        pdf.Heading("4. Diễn biến xử lý");
        pdf.Table(
            ["Thời điểm", "Loại", "Người thực hiện", "Nội dung"],
            [2.3, 1.1, 1.3, 4.3],
            data.Timeline.OrderBy(e => e.At).Select(e => (IReadOnlyList<string>)[Stamp(e.At), ReportLabels.TimelineKind(e.Kind), e.Actor, e.Text]));

        pdf.Heading("5. Luật phát hiện đã kích hoạt");
        pdf.Table(
            ["Tên luật", "Mã luật", "Mức", "Tác giả", "Số lần"],
            [3.2, 2.6, 1.0, 1.6, 0.8],
            data.Rules.Select(r => (IReadOnlyList<string>)[r.Title, r.Id, ReportLabels.Severity(r.Level), r.Author ?? "—", r.Hits.ToString(System.Globalization.CultureInfo.InvariantCulture)]),
            new HashSet<int> { 1 });

        pdf.Heading("6. Sự kiện làm bằng chứng (nguyên văn)");
        pdf.Table(
            ["Thời điểm", "Máy / nguồn", "Nội dung gốc"],
            [2.0, 1.4, 5.6],
            data.Events.OrderBy(e => e.At).Select(e => (IReadOnlyList<string>)[Stamp(e.At), (e.Host ?? "—") + "\n" + (e.Dataset ?? string.Empty), IncidentFacts.Printable(e.Original)]),
            new HashSet<int> { 2 });

        pdf.Heading("7. Danh mục bằng chứng kèm theo");
        if (data.Evidence.Count == 0)
        {
            pdf.Paragraph("Không có tệp bằng chứng đính kèm.");
        }
        else
        {
            pdf.Table(
                ["Tệp", "Kích thước", "SHA-256", "Thu thập"],
                [2.0, 0.9, 4.0, 2.1],
                data.Evidence.Select(e => (IReadOnlyList<string>)[e.Name + (e.Description is null ? string.Empty : "\n" + e.Description), IncidentFacts.Size(e.Length), e.Sha256, e.CollectedBy + "\n" + Stamp(e.CollectedAt)]),
                new HashSet<int> { 2 });
        }

        pdf.Heading("8. Thời hạn / Deadlines");
        if (data.Deadlines.Count == 0)
        {
            pdf.Paragraph("Báo cáo này không kèm thời hạn.");
        }
        else
        {
            pdf.Table(IncidentFacts.DeadlineHeader, IncidentFacts.DeadlineWidths, IncidentFacts.DeadlineRows(data));
        }

        Signatures(pdf, data, context);
        pdf.Save(output);
    }

    private static string Stamp(DateTimeOffset at) => ReportClock.Local(at) + "\n" + ReportClock.Utc(at);

    private static void Signatures(PdfLayout pdf, IncidentReportData data, ExportContext context)
    {
        pdf.KeepTogether(120);
        pdf.Space(14);
        pdf.Text((data.Agency.Locality is null ? string.Empty : data.Agency.Locality + ", ") + ReportClock.Dateline(context.GeneratedAt), pdf.Body, XParagraphAlignment.Right);
        pdf.Space(6);
        pdf.Columns(
            [
                [("NGƯỜI LẬP BÁO CÁO", pdf.Bold), ("(Ký, ghi rõ họ tên)", pdf.Small), ("\n\n\n\n" + context.GeneratedBy, pdf.Body)],
                [("THỦ TRƯỞNG ĐƠN VỊ", pdf.Bold), ("(Ký tên, đóng dấu hoặc ký số)", pdf.Small)],
            ],
            [0.5, 0.5]);
    }
}
