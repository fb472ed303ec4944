using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Model;
using Soc.Console.Exports.Pdf;

namespace Soc.Console.Exports.Periodic;

/// <summary>The periodic management report as PDF: counts, response times, rule quality, collector coverage.</summary>
public static class PeriodicPdfExporter
{
    public static void Write(PeriodicReportData data, ExportContext context, Stream output)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        var stats = PeriodicReportCalculator.Compute(data);
        var period = ReportClock.Local(data.From) + " – " + ReportClock.Local(data.To);
        using var pdf = new PdfLayout("Báo cáo định kỳ " + data.Agency.Name, context.GeneratedBy, $"Soc · Báo cáo định kỳ · {data.Agency.Name} · lập lúc {ReportClock.Local(context.GeneratedAt)} bởi {context.GeneratedBy}");
        pdf.Text(data.Agency.ParentName?.ToUpperInvariant() ?? string.Empty, pdf.Small, XParagraphAlignment.Left, PdfLayout.Accent);
        pdf.Text(data.Agency.Name.ToUpperInvariant(), pdf.SmallBold, XParagraphAlignment.Left, PdfLayout.Accent);
        pdf.Space(10);
        pdf.Text("BÁO CÁO TÌNH HÌNH AN TOÀN THÔNG TIN ĐỊNH KỲ", pdf.TitleFont, XParagraphAlignment.Center, PdfLayout.Accent);
        pdf.Text("Kỳ báo cáo: " + period, pdf.Body, XParagraphAlignment.Center);
        pdf.Text("Phạm vi: " + data.Agency.Name + " và các đơn vị trực thuộc", pdf.Small, XParagraphAlignment.Center, XColors.DimGray);

        pdf.Heading("1. Tổng quan");
        if (stats.Total == 0)
        {
            pdf.Paragraph("Không ghi nhận sự cố nào trong kỳ báo cáo. Số liệu thu thập nhật ký ở mục 5 cho biết phạm vi giám sát của kỳ này.");
        }

        pdf.KeyValues(
        [
            new("Tổng số sự cố", N(stats.Total)),
            new("Thời gian phát hiện trung bình", Mean(stats.MeanTimeToDetect)),
            new("Thời gian tiếp nhận trung bình", Mean(stats.MeanTimeToAcknowledge)),
            new("Thời gian xử lý trung bình", Mean(stats.MeanTimeToResolve)),
        ]);

        pdf.Heading("2. Sự cố theo loại (TT 20/2017)");
        pdf.Table(["Loại sự cố", "Số lượng"], [6, 1], stats.ByCategory.Select(r => (IReadOnlyList<string>)[r.Label, N(r.Count)]));
        if (stats.Total > 0)
        {
            pdf.Heading("3. Theo mức độ, trạng thái và đơn vị");
            pdf.Table(["Mức độ", "Số lượng"], [6, 1], stats.BySeverity.Select(r => (IReadOnlyList<string>)[r.Label, N(r.Count)]));
            pdf.Table(["Trạng thái", "Số lượng"], [6, 1], stats.ByStatus.Select(r => (IReadOnlyList<string>)[r.Label, N(r.Count)]));
            pdf.Table(["Đơn vị", "Số lượng"], [6, 1], stats.ByAgency.Select(r => (IReadOnlyList<string>)[r.Label, N(r.Count)]));

            pdf.Heading("4. Luật phát hiện kích hoạt nhiều nhất");
            pdf.Table(
                ["Luật", "Tác giả", "Sự cố", "Thật", "Nhầm", "Đang mở", "Tỷ lệ đúng"],
                [3.4, 1.4, 0.7, 0.7, 0.7, 0.8, 0.9],
                stats.TopRules.Select(r => (IReadOnlyList<string>)[r.Title, r.Author ?? "—", N(r.Incidents), N(r.TruePositives), N(r.FalsePositives), N(r.Open), r.Precision is { } p ? p.ToString("P0", CultureInfo.InvariantCulture) : "—"]));
        }

        pdf.Heading("5. Thu thập nhật ký");
        if (data.Collectors.Count == 0)
        {
            pdf.Paragraph("Không có bộ thu thập nào được khai báo cho phạm vi này.");
        }
        else
        {
            pdf.Table(
                ["Đơn vị", "Bộ thu thập", "Số sự kiện", "Lần cuối nhận"],
                [2.6, 2.0, 1.1, 2.3],
                stats.Collectors.Select(c => (IReadOnlyList<string>)[c.AgencyName, c.CollectorId, c.EventCount.ToString("N0", CultureInfo.InvariantCulture), c.LastSeenAt is { } seen ? ReportClock.Local(seen) : "chưa từng"]));
            if (stats.SilentCollectors.Count > 0)
            {
                pdf.Paragraph("Cảnh báo: " + stats.SilentCollectors.Count.ToString(CultureInfo.InvariantCulture) + " bộ thu thập không gửi sự kiện nào trong kỳ (" + string.Join(", ", stats.SilentCollectors.Select(c => c.CollectorId)) + "): các hệ thống này không được giám sát trong thời gian đó.");
            }
        }

        pdf.Save(output);
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Mean(TimeSpan? span) => span is { } value ? ReportClock.Duration(value) : "—";
}
