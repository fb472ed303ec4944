using Soc.Console.Exports.Model;

namespace Soc.Console.Exports.Forms;

/// <summary>
/// A filled form, editable before export: values are keyed by field code, and <see cref="With"/> returns a
/// copy with one value replaced (the center keeps the analyst's edits and re-applies them).
/// </summary>
public sealed record FormDocument
{
    public required FormTemplate Template { get; init; }

    public required AgencyProfile Agency { get; init; }

    /// <summary>"07/BC-STTTT"; null prints "Số: …/BC-…" to complete by hand.</summary>
    public string? Number { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required IReadOnlyDictionary<string, string> Values { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Tables { get; init; } =
        new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>();

    public string Value(string code) => Values.TryGetValue(code, out var value) ? value : string.Empty;

    public FormDocument With(string code, string value)
    {
        if (!Template.Fields.Any(f => f.Code == code))
        {
            throw new ArgumentException($"{Template.Id} has no field {code}", nameof(code));
        }

        var values = new Dictionary<string, string>(Values, StringComparer.Ordinal) { [code] = value };
        return this with { Values = values };
    }

    /// <summary>Codes of mandatory (*) fields still empty: the UI asks for them before the report is sent.</summary>
    public IReadOnlyList<string> MissingRequired() =>
        [.. Template.Fields.Where(f => f.Required && f.Kind != FormFieldKind.Table && string.IsNullOrWhiteSpace(Value(f.Code))).Select(f => f.Code)];
}
