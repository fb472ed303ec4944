namespace Soc.Console.Exports.Forms;

/// <summary>One numbered field of a form template (e.g. "A1 Tên tổ chức/cá nhân (*)").</summary>
public sealed record FormField
{
    public required string Code { get; init; }

    public required string Label { get; init; }

    public FormFieldKind Kind { get; init; } = FormFieldKind.Text;

    /// <summary>Marked (*) on the form: export is allowed without it, but <see cref="FormDocument.MissingRequired"/> lists it.</summary>
    public bool Required { get; init; }

    /// <summary>Where the value comes from (<see cref="FormSources"/> keys); null: typed by the agency.</summary>
    public string? Source { get; init; }

    /// <summary>Text used when the source is empty.</summary>
    public string? Default { get; init; }

    /// <summary>Rewrites source values (e.g. status "closed" to the option wording) before printing.</summary>
    public IReadOnlyDictionary<string, string> Map { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Options { get; init; } = [];

    public IReadOnlyList<FormColumn> Columns { get; init; } = [];

    public string? Hint { get; init; }
}
