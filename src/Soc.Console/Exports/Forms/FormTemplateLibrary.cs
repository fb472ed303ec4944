using System.Text.Json;
using Soc.Console.Exports.Common;

namespace Soc.Console.Exports.Forms;

/// <summary>
/// The form templates found under a folder (default: Reports/Templates/forms beside the binary). Every
/// file is checked at load and all problems are reported together, so a bad template fails at start, not
/// when an analyst exports.
/// </summary>
public sealed class FormTemplateLibrary
{
    private readonly List<FormTemplate> _templates;

    private FormTemplateLibrary(List<FormTemplate> templates) => _templates = templates;

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Reports", "Templates", "forms");

    public IReadOnlyList<FormTemplate> All => _templates;

    public static FormTemplateLibrary Load(string? directory = null)
    {
        directory ??= DefaultDirectory;
        var templates = new List<FormTemplate>();
        var errors = new List<string>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                var template = JsonSerializer.Deserialize<FormTemplate>(File.ReadAllText(path), ReportJson.Options)
                    ?? throw new JsonException("empty file");
                errors.AddRange(Validate(template).Select(e => $"{path}: {e}"));
                templates.Add(template);
            }
            catch (JsonException e)
            {
                errors.Add($"{path}: {e.Message}");
            }
        }

        errors.AddRange(templates.GroupBy(t => (t.Id, t.Version)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Id} version {g.Key.Version} is defined twice"));
        if (errors.Count > 0)
        {
            throw new InvalidDataException("Invalid report templates:\n" + string.Join("\n", errors));
        }

        return new FormTemplateLibrary(templates);
    }

    /// <summary>The template with this id: the given version, or the highest one.</summary>
    public FormTemplate Get(string id, int? version = null) =>
        _templates.Where(t => t.Id == id && (version is null || t.Version == version)).MaxBy(t => t.Version)
        ?? throw new KeyNotFoundException($"No report template {id}" + (version is null ? string.Empty : " version " + version));

    public static IReadOnlyList<string> Validate(FormTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var errors = new List<string>();
        foreach (var field in template.Fields)
        {
            if (field.Source is not null && !FormSources.KnownKeys.Contains(field.Source))
            {
                errors.Add($"field {field.Code}: unknown source '{field.Source}'");
            }

            if (field.Kind == FormFieldKind.Table && field.Columns.Count == 0)
            {
                errors.Add($"field {field.Code}: a table needs columns");
            }

            if (field.Kind is FormFieldKind.Choice or FormFieldKind.Multi && field.Options.Count == 0)
            {
                errors.Add($"field {field.Code}: a choice needs options");
            }
        }

        errors.AddRange(template.Fields.GroupBy(f => f.Code).Where(g => g.Count() > 1).Select(g => $"field code {g.Key} is used twice"));
        return errors;
    }
}
