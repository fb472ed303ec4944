using DocumentFormat.OpenXml.Wordprocessing;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Docx;
using Soc.Console.Exports.Model;

namespace Soc.Console.Exports.Incident;

/// <summary>The incident report as an editable Word document, with the same content as the PDF.</summary>
public static class IncidentDocxExporter
{
    public static void Write(IncidentReportData data, ExportContext context, Stream output)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        using var doc = new DocxWriter(output, "Báo cáo sự cố " + data.Id, context.GeneratedBy);
        doc.Columns(
            [(data.Agency.ParentName?.ToUpperInvariant() ?? string.Empty) + "\n" + data.Agency.Name.ToUpperInvariant(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
            [0.45, 0.55],
            size: 24,
            bold: true);
        doc.Paragraph((data.Agency.Locality is null ? string.Empty : data.Agency.Locality + ", ") + ReportClock.Dateline(context.GeneratedAt), italic: true, align: JustificationValues.Right);
        doc.Paragraph("BÁO CÁO SỰ CỐ AN TOÀN THÔNG TIN MẠNG", bold: true, align: JustificationValues.Center, size: 30);
        doc.Paragraph(data.Id + " — " + data.Title, align: JustificationValues.Center);
        doc.Paragraph("Giờ ghi theo Asia/Ho_Chi_Minh (UTC+07:00), kèm giờ UTC.", italic: true, align: JustificationValues.Center, size: 20);

        doc.Heading("1. Thông tin chung");
        doc.KeyValues(IncidentFacts.General(data));
        doc.Heading("2. Mốc thời gian");
        doc.KeyValues(IncidentFacts.Times(data));
        if (!string.IsNullOrWhiteSpace(data.Summary))
        {
            doc.Heading("3. Mô tả");
            doc.Paragraph(data.Summary);
        }

        doc.Heading("4. Diễn biến xử lý");
        doc.Table(
            ["Thời điểm", "Loại", "Người thực hiện", "Nội dung"],
            [2.3, 1.1, 1.3, 4.3],
            data.Timeline.OrderBy(e => e.At).Select(e => (IReadOnlyList<string>)[Stamp(e.At), ReportLabels.TimelineKind(e.Kind), e.Actor, e.Text]));
        doc.Heading("5. Luật phát hiện đã kích hoạt");
        doc.Table(
            ["Tên luật", "Mã luật", "Mức", "Tác giả", "Số lần"],
            [3.2, 2.6, 1.0, 1.6, 0.8],
            data.Rules.Select(r => (IReadOnlyList<string>)[r.Title, r.Id, ReportLabels.Severity(r.Level), r.Author ?? "—", r.Hits.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        doc.Heading("6. Sự kiện làm bằng chứng (nguyên văn)");
        doc.Table(
            ["Thời điểm", "Máy / nguồn", "Nội dung gốc"],
            [2.0, 1.4, 5.6],
            data.Events.OrderBy(e => e.At).Select(e => (IReadOnlyList<string>)[Stamp(e.At), (e.Host ?? "—") + "\n" + (e.Dataset ?? string.Empty), IncidentFacts.Printable(e.Original)]),
            size: 18);
        doc.Heading("7. Danh mục bằng chứng kèm theo");
        if (data.Evidence.Count == 0)
        {
            doc.Paragraph("Không có tệp bằng chứng đính kèm.");
        }
        else
        {
            doc.Table(
                ["Tệp", "Kích thước", "SHA-256", "Thu thập"],
                [2.0, 0.9, 4.0, 2.1],
                data.Evidence.Select(e => (IReadOnlyList<string>)[e.Name, IncidentFacts.Size(e.Length), e.Sha256, e.CollectedBy + "\n" + Stamp(e.CollectedAt)]),
                size: 18);
        }

        doc.Heading("8. Thời hạn / Deadlines");
        if (data.Deadlines.Count == 0)
        {
            doc.Paragraph("Báo cáo này không kèm thời hạn.");
        }
        else
        {
            doc.Table(IncidentFacts.DeadlineHeader, IncidentFacts.DeadlineWidths, IncidentFacts.DeadlineRows(data), size: 18);
        }

        doc.Paragraph(string.Empty);
        doc.Columns(["NGƯỜI LẬP BÁO CÁO\n(Ký, ghi rõ họ tên)\n\n\n\n" + context.GeneratedBy, "THỦ TRƯỞNG ĐƠN VỊ\n(Ký tên, đóng dấu hoặc ký số)"], [0.5, 0.5], size: 24);
    }

    private static string Stamp(DateTimeOffset at) => ReportClock.Local(at) + "\n" + ReportClock.Utc(at);
}
