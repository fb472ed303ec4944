using System.Globalization;
using System.Text;

namespace Soc.Detection.Evaluation;

/// <summary>Scores of every evaluated rule set over the same labelled lines, and their rendering as a Markdown table.</summary>
public sealed record DetectionQualityReport(int Lines, IReadOnlyList<RuleSetScore> Sets)
{
    /// <summary>Attack classes of the report, in the order of the first rule set.</summary>
    public IReadOnlyList<string> AttackClasses =>
        Sets.Count == 0 ? [] : Sets[0].Classes.Select(c => c.Class).Where(c => c != LabelledLine.NormalLabel).ToList();

    public RuleSetScore Set(string name) => Sets.First(s => s.Name == name);

    /// <summary>One row per rule set: detection rate per attack class and overall, false-positive rate on normal lines.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        var classes = AttackClasses;
        sb.Append("| rule set | rules |");
        foreach (var c in classes)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {c} detected |");
        }

        sb.Append(" all attacks detected | false positives (norm) |\n| --- | ---: |");
        foreach (var _ in classes)
        {
            sb.Append(" ---: |");
        }

        sb.Append(" ---: | ---: |\n");
        foreach (var set in Sets)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {set.Name} | {set.Rules} |");
            foreach (var c in classes)
            {
                sb.Append(' ').Append(Cell(set.Class(c))).Append(" |");
            }

            sb.Append(' ').Append(Cell(set.Attacks)).Append(" | ").Append(Cell(set.Normal)).Append(" |\n");
        }

        return sb.ToString();
    }

    /// <summary>Detection and false-positive rate of one rule set per placement variant.</summary>
    public string VariantsMarkdown(string setName)
    {
        var set = Set(setName);
        var sb = new StringBuilder("| placement | attacks detected | false positives (norm) |\n| --- | ---: | ---: |\n");
        foreach (var variant in set.Variants.Select(v => v.Class[(v.Class.IndexOf(' ', StringComparison.Ordinal) + 1)..]).Distinct())
        {
            var attacks = set.Variants.FirstOrDefault(v => v.Class == "attacks " + variant);
            var normal = set.Variants.FirstOrDefault(v => v.Class == LabelledLine.NormalLabel + " " + variant);
            sb.Append(CultureInfo.InvariantCulture, $"| {variant} | {(attacks is null ? "–" : Cell(attacks))} | {(normal is null ? "–" : Cell(normal))} |\n");
        }

        return sb.ToString();
    }

    private static string Cell(ClassScore s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Rate * 100:0.00}% ({s.Flagged}/{s.Lines})");
}
