namespace Soc.Detection.Evaluation;

/// <summary>The result of one rule set over the labelled lines: a score per class and the rules that fired most.</summary>
public sealed record RuleSetScore(string Name, int Rules, IReadOnlyList<ClassScore> Classes, IReadOnlyList<KeyValuePair<string, int>> TopRules)
{
    /// <summary>Scores by placement variant, for attack lines together and for normal lines ("attacks query-raw").</summary>
    public IReadOnlyList<ClassScore> Variants { get; init; } = [];

    public ClassScore Class(string name) =>
        Classes.FirstOrDefault(c => c.Class == name) ?? new ClassScore(name, 0, 0);

    /// <summary>All attack lines together.</summary>
    public ClassScore Attacks
    {
        get
        {
            var lines = 0;
            var flagged = 0;
            foreach (var c in Classes)
            {
                if (c.Class != LabelledLine.NormalLabel)
                {
                    lines += c.Lines;
                    flagged += c.Flagged;
                }
            }

            return new ClassScore("all attacks", lines, flagged);
        }
    }

    /// <summary>False-positive rate: flagged normal lines.</summary>
    public ClassScore Normal => Class(LabelledLine.NormalLabel);
}
