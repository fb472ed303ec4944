using Soc.Console.Exports.Model;

namespace Soc.Console.Tests.Exports;

/// <summary>A realistic SSH brute-force incident at a provincial department, used by every export test.</summary>
public static class SampleData
{
    public static readonly DateTimeOffset Detected = new(2026, 11, 22, 3, 15, 2, TimeSpan.Zero);

    public static AgencyProfile Agency { get; } = new()
    {
        Id = "so-tttt",
        Name = "Sở Thông tin và Truyền thông",
        ParentName = "UBND tỉnh An Giang",
        Address = "82 Tôn Đức Thắng, phường Mỹ Bình, TP. Long Xuyên, An Giang",
        Phone = "0296 3 957 999",
        Email = "sotttt@angiang.gov.vn",
        DocumentCode = "STTTT",
        NetworkMemberCode = "AG-0012",
        Locality = "An Giang",
        Contact = new ContactPerson("Nguyễn Thị Hồng Nhung", "Trưởng phòng Bưu chính, Viễn thông và CNTT", "0918 123 456", "nhungnth@angiang.gov.vn"),
    };

    public static IncidentReportData Incident() => new()
    {
        Id = "INC-2026-000142",
        Title = "Dò mật khẩu SSH tài khoản root trên web01",
        Summary = "Địa chỉ 203.0.113.77 thử mật khẩu tài khoản root qua SSH 214 lần trong 6 phút, sau đó đăng nhập thành công bằng tài khoản quản trị. Đã chặn địa chỉ nguồn trên tường lửa và đổi mật khẩu.",
        Agency = Agency,
        System = new SystemProfile
        {
            Name = "Cổng thông tin điện tử tỉnh",
            OperatingUnit = "Trung tâm Công nghệ thông tin và Truyền thông",
            OwningAgency = "Sở Thông tin và Truyền thông",
            SecurityLevel = 3,
            InternetServiceProvider = "VNPT An Giang",
            OperatingSystem = "Ubuntu 22.04 LTS",
            Services = ["nginx 1.24", "OpenSSH 8.9"],
            SecurityMeasures = ["Tường lửa", "Soc collector"],
            PublicAddresses = ["198.51.100.10"],
            DomainNames = ["angiang.gov.vn"],
            Purpose = "Cung cấp thông tin và dịch vụ công trực tuyến",
            LogRetentionDays = 90,
        },
        Severity = "high",
        NationalCategory = 4,
        Techniques = [new AttackTechnique("T1110.001", "Brute Force: Password Guessing"), new AttackTechnique("T1078", "Valid Accounts")],
        Status = "closed",
        ClosingReason = "true_positive",
        AssignedTo = "tran.van.minh",
        DetectedAt = Detected,
        AcknowledgedAt = Detected.AddMinutes(12),
        ClosedAt = Detected.AddHours(5).AddMinutes(40),
        Timeline =
        [
            new(Detected, TimelineEntryKind.Alert, "soc", "SSH: sai mật khẩu root nhiều lần (214 sự kiện)", "b2f4a6c1-5d0e-4f7a-9c1b-3e2d1f0a9b8c"),
            new(Detected.AddMinutes(12), TimelineEntryKind.StatusChange, "tran.van.minh", "Mới → Đã tiếp nhận"),
            new(Detected.AddMinutes(14), TimelineEntryKind.Assignment, "le.thi.lan", "Giao cho tran.van.minh"),
            new(Detected.AddMinutes(30), TimelineEntryKind.Note, "tran.van.minh", "Đã chặn 203.0.113.77 trên tường lửa biên; yêu cầu đổi mật khẩu quản trị."),
            new(Detected.AddHours(5).AddMinutes(40), TimelineEntryKind.StatusChange, "tran.van.minh", "Đang xử lý → Đã đóng (sự cố thật)"),
        ],
        Rules = [new FiredRule("b2f4a6c1-5d0e-4f7a-9c1b-3e2d1f0a9b8c", "SSH Failed Password For Root", "high", "Soc project", 214)],
        Events =
        [
            new("web01:auth.log:1042", Detected.AddSeconds(-5), "web01", "system.auth", "<38>Nov 22 10:14:57 web01 sshd[4242]: Failed password for root from 203.0.113.77 port 40000 ssh2"),
            new("web01:auth.log:1187", Detected, "web01", "system.auth", "<38>Nov 22 10:15:02 web01 sshd[4242]: Failed password for root from 203.0.113.77 port 40022 ssh2"),
        ],
        Evidence =
        [
            new("auth.log.gz", "9f2c4e1b7a3d5f60812c9e4b7d3a1f0e5c6b8a9d2e4f6a8c0b1d3e5f7a9c2b4d", 48213, "application/gzip", Detected.AddMinutes(40), "tran.van.minh", "Nhật ký xác thực web01 ngày 22/11"),
        ],
    };
}
