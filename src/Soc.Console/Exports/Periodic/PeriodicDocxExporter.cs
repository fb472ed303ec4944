using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Docx;
using Soc.Console.Exports.Model;

namespace Soc.Console.Exports.Periodic;

/// <summary>The periodic management report as an editable Word document, with the same figures as the PDF.</summary>
public static class PeriodicDocxExporter
{
    public static void Write(PeriodicReportData data, ExportContext context, Stream output)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        var stats = PeriodicReportCalculator.Compute(data);
        using var doc = new DocxWriter(output, "Báo cáo định kỳ " + data.Agency.Name, context.GeneratedBy);
        doc.Columns(
            [(data.Agency.ParentName?.ToUpperInvariant() ?? string.Empty) + "\n" + data.Agency.Name.ToUpperInvariant(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
            [0.45, 0.55],
            size: 24,
            bold: true);
        doc.Paragraph((data.Agency.Locality is null ? string.Empty : data.Agency.Locality + ", ") + ReportClock.Dateline(context.GeneratedAt), italic: true, align: JustificationValues.Right);
        doc.Paragraph("BÁO CÁO TÌNH HÌNH AN TOÀN THÔNG TIN ĐỊNH KỲ", bold: true, align: JustificationValues.Center, size: 30);
        doc.Paragraph("Kỳ báo cáo: " + ReportClock.Local(data.From) + " – " + ReportClock.Local(data.To), align: JustificationValues.Center);

        doc.Heading("1. Tổng quan");
        if (stats.Total == 0)
        {
            doc.Paragraph("Không ghi nhận sự cố nào trong kỳ báo cáo. Số liệu thu thập nhật ký ở mục 5 cho biết phạm vi giám sát của kỳ này.");
        }

        doc.KeyValues(
        [
            new("Tổng số sự cố", N(stats.Total)),
            new("Thời gian phát hiện trung bình", Mean(stats.MeanTimeToDetect)),
            new("Thời gian tiếp nhận trung bình", Mean(stats.MeanTimeToAcknowledge)),
            new("Thời gian xử lý trung bình", Mean(stats.MeanTimeToResolve)),
        ]);
        doc.Heading("2. Sự cố theo loại (TT 20/2017)");
        doc.Table(["Loại sự cố", "Số lượng"], [6, 1], Rows(stats.ByCategory));
        if (stats.Total > 0)
        {
            doc.Heading("3. Theo mức độ, trạng thái và đơn vị");
            doc.Table(["Mức độ", "Số lượng"], [6, 1], Rows(stats.BySeverity));
            doc.Table(["Trạng thái", "Số lượng"], [6, 1], Rows(stats.ByStatus));
            doc.Table(["Đơn vị", "Số lượng"], [6, 1], Rows(stats.ByAgency));
            doc.Heading("4. Luật phát hiện kích hoạt nhiều nhất");
            doc.Table(
                ["Luật", "Tác giả", "Sự cố", "Thật", "Nhầm", "Đang mở", "Tỷ lệ đúng"],
                [3.4, 1.4, 0.7, 0.7, 0.7, 0.8, 0.9],
                stats.TopRules.Select(r => (IReadOnlyList<string>)[r.Title, r.Author ?? "—", N(r.Incidents), N(r.TruePositives), N(r.FalsePositives), N(r.Open), r.Precision is { } p ? p.ToString("P0", CultureInfo.InvariantCulture) : "—"]));
        }

        doc.Heading("5. Thu thập nhật ký");
        doc.Table(
            ["Đơn vị", "Bộ thu thập", "Số sự kiện", "Lần cuối nhận"],
            [2.6, 2.0, 1.1, 2.3],
            stats.Collectors.Select(c => (IReadOnlyList<string>)[c.AgencyName, c.CollectorId, c.EventCount.ToString("N0", CultureInfo.InvariantCulture), c.LastSeenAt is { } seen ? ReportClock.Local(seen) : "chưa từng"]));
        if (stats.SilentCollectors.Count > 0)
        {
            doc.Paragraph("Cảnh báo: " + N(stats.SilentCollectors.Count) + " bộ thu thập không gửi sự kiện nào trong kỳ (" + string.Join(", ", stats.SilentCollectors.Select(c => c.CollectorId)) + ").", bold: true);
        }
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(IReadOnlyList<CountRow> rows) => rows.Select(r => (IReadOnlyList<string>)[r.Label, N(r.Count)]);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Mean(TimeSpan? span) => span is { } value ? ReportClock.Duration(value) : "—";
}
