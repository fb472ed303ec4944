namespace Soc.Console.Exports.Forms;

/// <summary>
/// A national report form as data (Reports/Templates/forms/**.json, docs/reports.md "Template format"):
/// adding or correcting a form — e.g. the 2026 decrees' forms once published — is a new file, not code.
/// </summary>
public sealed record FormTemplate
{
    /// <summary>Stable id, e.g. "tt20-2017/mau-03"; with <see cref="Version"/> it names the exact wording used.</summary>
    public required string Id { get; init; }

    public required int Version { get; init; }

    /// <summary>Short name printed top right, e.g. "Mẫu 03".</summary>
    public required string Code { get; init; }

    public required string Title { get; init; }

    public required string LegalBasis { get; init; }

    public string? Addressee { get; init; }

    /// <summary>Document-type part of the report number: "BC" gives "07/BC-STTTT".</summary>
    public string NumberSeries { get; init; } = "BC";

    public required IReadOnlyList<FormSection> Sections { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    public string SignatureLeft { get; init; } = string.Empty;

    public string SignatureRight { get; init; } = "ĐẠI DIỆN CƠ QUAN, TỔ CHỨC\n(Ký tên, đóng dấu hoặc ký số)";

    public IEnumerable<FormField> Fields => Sections.SelectMany(s => s.Fields);
}
