namespace Soc.Console.Exports.Periodic;

/// <summary>
/// How one rule did in the period, from the closing reasons of the incidents it raised: true positives
/// against false positives (benign and duplicate count as neither; open incidents are not yet judged).
/// </summary>
public sealed record RuleEffectiveness(string RuleId, string Title, string? Author, int Incidents, int TruePositives, int FalsePositives, int Open)
{
    /// <summary>Share of judged incidents that were real; null when none was judged.</summary>
    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);
}
