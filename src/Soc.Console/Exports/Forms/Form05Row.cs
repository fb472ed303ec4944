namespace Soc.Console.Exports.Forms;

/// <summary>One row of Mẫu 05 section 1: incidents of one national category in the period and how they were handled.</summary>
public sealed record Form05Row(
    int Code,
    string Category,
    int Count,
    int InHouse,
    int DomesticSupport,
    int ForeignSupport,
    int NationalSupportRequested,
    decimal EstimatedDamageVnd);
