namespace Soc.Console.Exports.Common;

/// <summary>Vietnamese labels for the center's code values; a value not listed prints as it is.</summary>
public static class ReportLabels
{
    public static string Severity(string value) => value switch
    {
        "informational" => "Thông tin",
        "low" => "Thấp",
        "medium" => "Trung bình",
        "high" => "Cao",
        "critical" => "Nghiêm trọng",
        _ => value,
    };

    public static string Status(string value) => value switch
    {
        "new" => "Mới",
        "acknowledged" => "Đã tiếp nhận",
        "in_progress" => "Đang xử lý",
        "resolved" => "Đã xử lý",
        "closed" => "Đã đóng",
        _ => value,
    };

    public static string ClosingReason(string? value) => value switch
    {
        null => "—",
        "true_positive" => "Sự cố thật (đã xử lý)",
        "false_positive" => "Cảnh báo nhầm",
        "benign" => "Hoạt động hợp lệ",
        "duplicate" => "Trùng sự cố khác",
        _ => value,
    };

    public static string TimelineKind(Model.TimelineEntryKind kind) => kind switch
    {
        Model.TimelineEntryKind.Alert => "Cảnh báo",
        Model.TimelineEntryKind.StatusChange => "Trạng thái",
        Model.TimelineEntryKind.Assignment => "Phân công",
        Model.TimelineEntryKind.Note => "Ghi chú",
        Model.TimelineEntryKind.Report => "Báo cáo",
        _ => kind.ToString(),
    };

    /// <summary>Severity order for sorting, highest first.</summary>
    public static int SeverityRank(string value) => value switch
    {
        "critical" => 0,
        "high" => 1,
        "medium" => 2,
        "low" => 3,
        _ => 4,
    };
}
