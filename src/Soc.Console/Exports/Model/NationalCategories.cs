namespace Soc.Console.Exports.Model;

/// <summary>
/// The national incident taxonomy of Circular 20/2017/TT-BTTTT (Mẫu 05 rows), used as Soc's category list.
/// Codes are stable: they are stored with incidents.
/// </summary>
public static class NationalCategories
{
    public static IReadOnlyList<NationalCategory> All { get; } =
    [
        new(1, "Từ chối dịch vụ", "Denial of service"),
        new(2, "Tấn công giả mạo", "Spoofing / phishing"),
        new(3, "Tấn công sử dụng mã độc", "Malware"),
        new(4, "Truy cập trái phép, chiếm quyền điều khiển", "Unauthorised access, takeover"),
        new(5, "Thay đổi giao diện", "Defacement"),
        new(6, "Mã hóa phần mềm, dữ liệu, thiết bị", "Encryption of software, data, devices"),
        new(7, "Phá hoại thông tin, dữ liệu, phần mềm", "Destruction of information, data, software"),
        new(8, "Nghe trộm, gián điệp, lấy cắp thông tin, dữ liệu", "Eavesdropping, espionage, data theft"),
        new(9, "Tấn công tổng hợp sử dụng kết hợp nhiều hình thức", "Combined multi-vector attack"),
        new(10, "Các hình thức tấn công khác", "Other"),
    ];

    /// <summary>The category with this code; unknown codes map to 10 (other) so a report never fails on it.</summary>
    public static NationalCategory Get(int code) => code is >= 1 and <= 10 ? All[code - 1] : All[9];
}
