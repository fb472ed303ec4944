namespace Soc.Console.Exports.Model;

/// <summary>One row of the national incident taxonomy (Mẫu 05 section 1).</summary>
public sealed record NationalCategory(int Code, string NameVi, string NameEn);
