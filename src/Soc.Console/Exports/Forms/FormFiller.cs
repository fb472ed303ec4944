using Soc.Console.Exports.Model;

namespace Soc.Console.Exports.Forms;

/// <summary>Fills a template's fields from <see cref="FormSources"/>: the result is a draft the agency edits.</summary>
public static class FormFiller
{
    public static FormDocument Fill(FormTemplate template, FormSources sources, AgencyProfile agency, DateTimeOffset issuedAt, string? number)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(sources);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var tables = new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var field in template.Fields)
        {
            if (field.Kind == FormFieldKind.Table)
            {
                if (field.Source is not null && sources.Tables.TryGetValue(field.Source, out var rows))
                {
                    tables[field.Code] = rows;
                }

                continue;
            }

            var value = field.Source is not null && sources.Values.TryGetValue(field.Source, out var found) ? found : field.Default;
            if (value is not null)
            {
                values[field.Code] = string.Join("\n", value.Split('\n').Select(line => field.Map.TryGetValue(line, out var mapped) ? mapped : line));
            }
        }

        return new FormDocument { Template = template, Agency = agency, Number = number, IssuedAt = issuedAt, Values = values, Tables = tables };
    }
}
