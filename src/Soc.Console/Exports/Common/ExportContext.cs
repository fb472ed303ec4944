namespace Soc.Console.Exports.Common;

/// <summary>Who produced an export and when: printed on every page, so a printed report stands on its own.</summary>
public sealed record ExportContext(DateTimeOffset GeneratedAt, string GeneratedBy)
{
    public static ExportContext Now(string generatedBy, TimeProvider? clock = null) =>
        new((clock ?? TimeProvider.System).GetUtcNow(), generatedBy);
}
