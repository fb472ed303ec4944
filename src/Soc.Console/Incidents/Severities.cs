namespace Soc.Console.Incidents;

/// <summary>Sigma levels, which incidents take as their severity (adjustable by an analyst).</summary>
public static class Severities
{
    public static readonly IReadOnlyList<string> All = ["informational", "low", "medium", "high", "critical"];

    /// <summary>Rank for sorting: informational 0 … critical 4; unknown levels sort lowest.</summary>
    public static int Rank(string severity)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], severity, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
