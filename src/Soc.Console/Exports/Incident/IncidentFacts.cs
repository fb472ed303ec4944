using Soc.Console.Exports.Common;
using Soc.Console.Exports.Model;

namespace Soc.Console.Exports.Incident;

/// <summary>The label/value lines every incident export shares, so PDF and DOCX say the same thing.</summary>
public static class IncidentFacts
{
    public static IReadOnlyList<KeyValuePair<string, string>> General(IncidentReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var category = NationalCategories.Get(data.NationalCategory);
        return
        [
            new("Mã sự cố", data.Id),
            new("Tên sự cố", data.Title),
            new("Cơ quan, đơn vị", data.Agency.ParentName is null ? data.Agency.Name : data.Agency.Name + " (" + data.Agency.ParentName + ")"),
            new("Hệ thống bị ảnh hưởng", SystemLine(data.System)),
            new("Mức độ", ReportLabels.Severity(data.Severity)),
            new("Phân loại (TT 20/2017)", category.Code + ". " + category.NameVi),
            new("Kỹ thuật ATT&CK", data.Techniques.Count == 0 ? "—" : string.Join("; ", data.Techniques.Select(t => t.Id + " " + t.Name))),
            new("Trạng thái", ReportLabels.Status(data.Status)),
            new("Lý do đóng", ReportLabels.ClosingReason(data.ClosingReason)),
            new("Người xử lý", data.AssignedTo ?? "—"),
        ];
    }

    /// <summary>The deadlines table of the PDF and DOCX: header, relative widths and one row per deadline, times in both zones.</summary>
    public static IReadOnlyList<string> DeadlineHeader { get; } = ["Thời hạn / Deadline", "Căn cứ / Source", "Hạn / Due", "Trạng thái / State", "Đáp ứng lúc / Met at"];

    public static IReadOnlyList<double> DeadlineWidths { get; } = [2.0, 2.6, 1.7, 1.0, 1.7];

    public static IEnumerable<IReadOnlyList<string>> DeadlineRows(IncidentReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        static string Stamp(DateTimeOffset? at) => at is { } value ? ReportClock.Local(value) + "\n" + ReportClock.Utc(value) : "—";
        return data.Deadlines.Select(d => (IReadOnlyList<string>)[d.Name, d.LegalSource, Stamp(d.DueAt), DeadlineState(d.State), Stamp(d.MetAt)]);
    }

    /// <summary>A deadline state code in words, Vietnamese then English; unknown codes print as given.</summary>
    public static string DeadlineState(string code) => code switch
    {
        "not_started" => "chưa bắt đầu / not started",
        "pending" => "đang tính / running",
        "near" => "sắp đến hạn / near",
        "overdue" => "quá hạn / overdue",
        "met" => "đã đáp ứng / met",
        "met_late" => "đáp ứng muộn / met late",
        _ => code,
    };

    public static IReadOnlyList<KeyValuePair<string, string>> Times(IncidentReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var rows = new List<KeyValuePair<string, string>>
        {
            new("Phát hiện", ReportClock.Both(data.DetectedAt)),
            new("Tiếp nhận", ReportClock.Both(data.AcknowledgedAt)),
            new("Kết thúc ứng phó", ReportClock.Both(data.ClosedAt)),
        };
        if (data.AcknowledgedAt is { } ack)
        {
            rows.Add(new("Thời gian tiếp nhận", ReportClock.Duration(ack - data.DetectedAt)));
        }

        if (data.ClosedAt is { } closed)
        {
            rows.Add(new("Thời gian xử lý", ReportClock.Duration(closed - data.DetectedAt)));
        }

        return rows;
    }

    public static string SystemLine(SystemProfile system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var parts = new List<string> { system.Name };
        if (system.SecurityLevel is { } level)
        {
            parts.Add("cấp độ " + level.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (system.OperatingUnit is { } unit)
        {
            parts.Add("vận hành: " + unit);
        }

        return string.Join(" — ", parts);
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " KiB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MiB",
    };

    /// <summary>Printed reports cap each raw event at this many characters; the JSON export keeps all of it.</summary>
    public const int MaxPrintedEventChars = 1500;

    public static string Printable(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        return original.Length <= MaxPrintedEventChars ? original : original[..MaxPrintedEventChars] + " …[cắt bớt, xem bản JSON]";
    }
}
