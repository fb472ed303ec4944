namespace Soc.Detection.Evaluation;

/// <summary>Lines of one class and how many of them raised at least one alert.</summary>
public sealed record ClassScore(string Class, int Lines, int Flagged)
{
    /// <summary>Flagged / Lines: the detection rate for an attack class, the false-positive rate for the normal class.</summary>
    public double Rate => Lines == 0 ? 0 : (double)Flagged / Lines;

    /// <summary>Some missed attack lines, or flagged normal lines with the rules that fired (for tuning).</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];
}
