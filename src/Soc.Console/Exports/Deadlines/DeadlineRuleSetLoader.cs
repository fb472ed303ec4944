using System.Globalization;
using System.Text.Json;
using Soc.Console.Exports.Common;
using Soc.Console.Exports.Forms;
using Soc.Console.Incidents;

namespace Soc.Console.Exports.Deadlines;

/// <summary>
/// Reads deadline rule sets: the shipped folder, then an override folder (the center's
/// <c>&lt;data&gt;/deadlines/</c>) whose files replace the shipped set of the same id or add new ones. Every
/// file is checked when loaded and all problems are reported together, each naming its file and the
/// field (with the line for JSON syntax and type errors), so a bad edit stops the center at start-up.
/// </summary>
public static class DeadlineRuleSetLoader
{
    /// <param name="formTemplates">Template ids a rule's <c>metBy</c> may name; null: those of the shipped form library.</param>
    public static IReadOnlyList<DeadlineRuleSet> Load(string shippedDirectory, string? overrideDirectory, IReadOnlySet<string>? formTemplates = null)
    {
        formTemplates ??= FormTemplateLibrary.Load().All.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var errors = new List<string>();
        var sets = new List<DeadlineRuleSet>();
        foreach (var set in ReadFolder(shippedDirectory, formTemplates, errors))
        {
            sets.Add(set);
        }

        if (overrideDirectory is not null && Directory.Exists(overrideDirectory))
        {
            foreach (var set in ReadFolder(overrideDirectory, formTemplates, errors))
            {
                var at = sets.FindIndex(s => s.Id == set.Id);
                if (at >= 0)
                {
                    sets[at] = set;
                }
                else
                {
                    sets.Add(set);
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidDataException("deadline rule sets: " + string.Join("; ", errors));
        }

        return sets;
    }

    /// <summary>One file: parsed, then checked; problems go to <paramref name="errors"/> as "path: …".</summary>
    public static DeadlineRuleSet? Read(string path, IReadOnlySet<string> formTemplates, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(formTemplates);
        ArgumentNullException.ThrowIfNull(errors);
        DeadlineRuleSet? set;
        try
        {
            set = JsonSerializer.Deserialize<DeadlineRuleSet>(File.ReadAllText(path), ReportJson.Options);
        }
        catch (JsonException e)
        {
            // System.Text.Json's line number is 0-based; people count from 1.
            var where = e.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" line {line + 1},") : "";
            var field = string.IsNullOrEmpty(e.Path) ? "" : $" field {e.Path.TrimStart('$', '.')}:";
            errors.Add($"{path}:{where}{field} {FirstSentence(e.Message)}");
            return null;
        }

        if (set is null)
        {
            errors.Add($"{path}: empty file");
            return null;
        }

        var before = errors.Count;
        Check(set, path, formTemplates, errors);
        return errors.Count == before ? set : null;
    }

    private static IEnumerable<DeadlineRuleSet> ReadFolder(string directory, IReadOnlySet<string> formTemplates, List<string> errors)
    {
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            if (Read(path, formTemplates, errors) is { } set)
            {
                yield return set;
            }
        }
    }

    private static void Check(DeadlineRuleSet set, string path, IReadOnlySet<string> formTemplates, List<string> errors)
    {
        void Fail(string field, string problem) => errors.Add($"{path}: field {field}: {problem}");

        if (string.IsNullOrWhiteSpace(set.Id))
        {
            Fail("id", "must not be empty");
        }

        if (string.IsNullOrWhiteSpace(set.LegalSource))
        {
            Fail("legalSource", "must name the legal text");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < set.Rules.Count; i++)
        {
            var rule = set.Rules[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"rules[{i}]");
            if (string.IsNullOrWhiteSpace(rule.Id) || !ids.Add(rule.Id))
            {
                Fail(at + ".id", $"'{rule.Id}' is empty or used twice");
            }

            if (rule.Duration <= 0)
            {
                Fail(at + ".duration", $"must be positive, not {rule.Duration}");
            }

            if (rule.NearHours < 0 || double.IsNaN(rule.NearHours))
            {
                Fail(at + ".nearHours", "must be zero or more");
            }

            if (string.IsNullOrWhiteSpace(rule.LegalSource))
            {
                Fail(at + ".legalSource", "must name the article the deadline comes from");
            }

            if (string.IsNullOrWhiteSpace(rule.Milestone))
            {
                Fail(at + ".milestone", "must name what fulfils the deadline");
            }

            foreach (var form in (rule.MetBy ?? []).Where(f => !formTemplates.Contains(f)))
            {
                Fail(at + ".metBy", $"unknown form template '{form}' (known: {string.Join(", ", formTemplates.Order(StringComparer.Ordinal))})");
            }

            foreach (var severity in rule.Severities.Where(s => Severities.Rank(s) < 0))
            {
                Fail(at + ".severities", $"unknown severity '{severity}' (known: {string.Join(", ", Severities.All)})");
            }

            if (!Enum.IsDefined(rule.Unit))
            {
                Fail(at + ".unit", $"unknown unit {rule.Unit}");
            }
        }
    }

    private static string FirstSentence(string message)
    {
        // "The JSON value could not be converted to …. Path: $.rules[0].unit | LineNumber: 11 | …": path and line are given separately.
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
