namespace Soc.Console.Exports.Model;

/// <summary>
/// The reporting agency as the forms need it (Mẫu 03 A1–A4, Mẫu 05 header). The center fills it from its
/// agency table; fields the agency never entered stay null and print as an empty line to complete by hand.
/// </summary>
public sealed record AgencyProfile
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Owning agency (cơ quan chủ quản), printed above the agency name in the form header.</summary>
    public string? ParentName { get; init; }

    public string? Address { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    /// <summary>Short code used in document numbers, e.g. "STTTT" in "Số: 07/BC-STTTT".</summary>
    public string? DocumentCode { get; init; }

    /// <summary>Network member code (mã thành viên mạng lưới ứng cứu), Mẫu 05 header.</summary>
    public string? NetworkMemberCode { get; init; }

    /// <summary>Place name for the dateline "An Giang, ngày … tháng … năm …".</summary>
    public string? Locality { get; init; }

    public ContactPerson? Contact { get; init; }
}
